/**
 * `--proxy` and `--pac` on `landscape tls`, `smtp`, `ssh-scan` and `probe`, in-process against
 * Debian's tinyproxy with a PAC file on disk: each command tunnels (tinyproxy's log says so), names
 * the route in its JSON, and an SFTP pathway and an SMTP server are reached through the proxy.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run-cli';
import type { Services } from '../../../main/composition';
import { createTestPki, type TestPki } from '../../peers/pki';
import { startAiosmtpd, type SmtpPeer } from '../../peers/smtp';
import { startSshd, type SshdPeer } from '../../peers/sshd';
import { startTinyproxy, type RunningTinyproxy } from '../../peers/tinyproxy';
import { createTestServices, makeHome } from '../../support/test-services';
import { makeClientKey, type ClientKey } from '../probes-sftp-smtp/ssh-material';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let pki: TestPki;
let tlsServer: Server;
let tlsPort = 0;
let sshd: SshdPeer;
let smtp: SmtpPeer;
let proxy: RunningTinyproxy;
let key: ClientKey;
let services: Services;
let dir = '';
let pacFile = '';
let caFile = '';

beforeAll(async () => {
  pki = await createTestPki();
  key = makeClientKey('ed25519');
  tlsServer = createServer({ cert: pki.server.certPem + pki.intermediate.certPem, key: pki.server.keyPem }, (c) => c.on('error', () => {}));
  await new Promise<void>((resolve) => tlsServer.listen(0, '127.0.0.1', resolve));
  tlsPort = (tlsServer.address() as { port: number }).port;
  sshd = await startSshd({ authorizedKeys: [key.publicLine] });
  smtp = await startAiosmtpd({ mode: 'starttls', user: 'mailer', password: canary, certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem });
  proxy = await startTinyproxy({ connectPorts: [tlsPort, sshd.port, smtp.port] });
  dir = mkdtempSync(join(tmpdir(), 'landscape-pac-'));
  pacFile = join(dir, 'proxy.pac');
  writeFileSync(pacFile, `function FindProxyForURL(url, host) { return isPlainHostName(host) || host == "127.0.0.1" ? "PROXY 127.0.0.1:${proxy.port}" : "DIRECT"; }`);
  caFile = join(dir, 'root.pem');
  writeFileSync(caFile, pki.root.certPem);
  services = createTestServices(makeHome('landscape-cli-proxy-'), { env: {} });
}, 60_000);
afterAll(async () => {
  await Promise.all([sshd?.stop(), smtp?.stop(), proxy?.stop()]);
  await new Promise<void>((resolve) => tlsServer.close(() => resolve()));
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, readStdin: async () => '' }, () => services);
  expect(stdout + stderr).not.toContain(canary);
  return { code, stdout, stderr };
}

describe('the route flags of the CLI', () => {
  it('tls --pac FILE tunnels; --proxy direct does not', async () => {
    const before = proxy.tunnels().length;
    const viaPac = await cli(['tls', `localhost:${tlsPort}`, '--ca', caFile, '--pac', pacFile, '--json']);
    const json = JSON.parse(viaPac.stdout);
    expect(json.route).toBe(`proxy 127.0.0.1:${proxy.port} from PAC ${pacFile}`);
    expect(json.verdict).toBe('passed');
    expect(proxy.tunnels().slice(before)).toEqual([`localhost:${tlsPort}`]);
    const direct = JSON.parse((await cli(['tls', `localhost:${tlsPort}`, '--ca', caFile, '--proxy', 'direct', '--json'])).stdout);
    expect(direct.route).toBe('direct (chosen on the command line)');
    expect(proxy.tunnels().length).toBe(before + 1);
  });

  it('ssh-scan reads the host key through the proxy', async () => {
    const before = proxy.tunnels().length;
    const r = await cli(['ssh-scan', `127.0.0.1:${sshd.port}`, '--pac', pacFile, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.route).toBe(`proxy 127.0.0.1:${proxy.port} from PAC ${pacFile}`);
    expect(json.hostKey.fingerprint).toMatch(/^SHA256:/);
    expect(proxy.tunnels().slice(before)).toEqual([`127.0.0.1:${sshd.port}`]);
  });

  it('smtp speaks STARTTLS and AUTH through the tunnel, sends no mail', async () => {
    const before = proxy.tunnels().length;
    const r = await cli(
      ['smtp', `127.0.0.1:${smtp.port}`, '--protection', 'starttls-mandatory', '--auth', 'plain', '--user', 'mailer', '--password-env', 'PW', '--ca', caFile, '--pac', pacFile, '--json'],
      { PW: canary },
    );
    const json = JSON.parse(r.stdout);
    expect(json.verdict).toBe('passed');
    expect(json.route).toBe(`proxy 127.0.0.1:${proxy.port} from PAC ${pacFile}`);
    expect(proxy.tunnels().slice(before)).toEqual([`127.0.0.1:${smtp.port}`]);
    expect(smtp.dataCount()).toBe(0);
  });

  it('probe --pac: an SFTP pathway logs in and checks its directory through the proxy', async () => {
    await services.load('landscapes', 'vault', 'hostKeys');
    const l = services.landscapes.create({ templateId: 'sftp-receiver', name: 'Files behind the proxy' });
    const cred = await services.vault.create({ kind: 'ssh-key', label: 'sftp key', meta: { user: 'root' }, secret: { privateKey: key.privateKey } });
    services.landscapes.updatePathway(l.id, l.pathways[0]!.id, { endpoint: `127.0.0.1:${sshd.port}`, credentialId: cred.id, sftp: { directory: 'upload', user: 'root' } });
    const scan = await services.hostKeys.scan({ host: '127.0.0.1', port: sshd.port, landscape: l.id });
    services.hostKeys.pin(l.id, { host: '127.0.0.1', port: sshd.port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint, confirmedBy: 'tester', confirmedHow: 'console' });
    services.landscapes.update(l.id, { knownHosts: [scan.hostKey.knownHostsLine] });
    const before = proxy.tunnels().length;
    const r = await cli(['probe', '--landscape', l.id, '--pathway', '1', '--pac', pacFile, '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.verdict).toBe('passed');
    expect(json.route).toBe(`proxy 127.0.0.1:${proxy.port} from PAC ${pacFile}`);
    expect(json.steps.find((s: { id: string }) => s.id === 'directory')?.status).toBe('ok');
    expect(proxy.tunnels().slice(before)).toEqual([`127.0.0.1:${sshd.port}`]);
  });

  it('refuses a route flag it does not know', async () => {
    const r = await cli(['tls', `localhost:${tlsPort}`, '--proxy', 'socks']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--proxy is one of direct, system, env');
  });
});
