/**
 * The CLI surfaces: `landscape ssh-scan`, `landscape smtp` and `landscape probe` for SFTP and mail
 * pathways, in-process against loopback peers (exit codes, --json only JSON, no secret in output).
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run-cli';
import type { Services } from '../../../main/composition';
import { createTestServices, makeHome } from '../../support/test-services';
import { startSshd, type SshdPeer } from '../../peers/sshd';
import { startAiosmtpd, type SmtpPeer } from '../../peers/smtp';
import { createTestPki, type TestPki } from '../../peers/pki';
import { fingerprintWithSshKeygen, makeClientKey } from './ssh-material';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let services: Services;
let sshd: SshdPeer;
let smtp: SmtpPeer;
let pki: TestPki;

beforeAll(async () => {
  pki = await createTestPki();
  sshd = await startSshd({ authorizedKeys: [makeClientKey('ed25519').publicLine] });
  smtp = await startAiosmtpd({ mode: 'starttls', user: 'mailer', password: canary, certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem });
  services = createTestServices(makeHome('landscape-cli-sftp-smtp-'));
}, 60_000);
afterAll(async () => {
  await sshd?.stop();
  await smtp?.stop();
});

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, readStdin: async () => '' }, () => services);
  return { code, stdout, stderr };
}

describe('landscape ssh-scan', () => {
  it('prints the host key, ssh-keygen’s fingerprint, the known_hosts line and CI’s verdict', async () => {
    const r = await cli(['ssh-scan', `127.0.0.1:${sshd.port}`, '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.hostKey.fingerprint).toBe(fingerprintWithSshKeygen(sshd.hostKeyLine()));
    expect(json.hostKey.knownHostsLine).toBe(`[127.0.0.1]:${sshd.port} ${sshd.hostKeyLine().split(' ').slice(0, 2).join(' ')}`);
    expect(json.ciVerdict).toContain('reject HostKey');
    const human = await cli(['ssh-scan', `127.0.0.1:${sshd.port}`]);
    expect(human.stdout).toContain('CI will say: reject HostKey');
  });

  it('fails with one line on stderr when nothing answers, and 2 on usage errors', async () => {
    const { freePort } = await import('../../peers/ports');
    const r = await cli(['ssh-scan', `127.0.0.1:${await freePort()}`, '--deadline', '2000']);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli(['ssh-scan'])).code).toBe(2);
  });
});

describe('landscape smtp', () => {
  it('STARTTLS Mandatory with AUTH PLAIN passes; the password only from the environment, never printed', async () => {
    const ca = pki.write('root.pem', pki.root.certPem);
    const r = await cli(['smtp', `127.0.0.1:${smtp.port}`, '--protection', 'starttls-mandatory', '--auth', 'plain', '--user', 'mailer', '--password-env', 'PW', '--ca', ca, '--from', 'ci@example.com', '--to', 'ops@example.com', '--json'], { PW: canary });
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.verdict).toBe('passed');
    expect(json.kind).toBe('smtp');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(canary);
    expect(smtp.dataCount()).toBe(0);
  });

  it('a wrong password exits 1 with the 535 diagnosis; usage errors exit 2', async () => {
    const ca = pki.write('root2.pem', pki.root.certPem);
    const r = await cli(['smtp', `127.0.0.1:${smtp.port}`, '--protection', 'starttls-optional', '--auth', 'plain', '--user', 'mailer', '--password-env', 'PW', '--ca', ca], { PW: `${canary}-bad` });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('smtp.auth.bad-credentials');
    expect(r.stdout).not.toContain(canary);
    expect((await cli(['smtp', `127.0.0.1:${smtp.port}`])).code).toBe(2);
    expect((await cli(['smtp', `127.0.0.1:${smtp.port}`, '--protection', 'tls'])).code).toBe(2);
  });
});

describe('landscape probe for a mail pathway', () => {
  it('runs the registered SMTP planner and prints the SMTP facts', async () => {
    const l = services.landscapes.create({ templateId: 'mail-receiver', name: 'Mail CLI' });
    const cred = await services.vault.create({ kind: 'basic', label: 'mail cli', meta: { user: 'mailer' }, secret: { password: canary } });
    services.landscapes.updatePathway(l.id, l.pathways[0]!.id, { endpoint: `127.0.0.1:${smtp.port}`, credentialId: cred.id });
    const root = new X509Certificate(pki.root.certPem);
    services.landscapes.update(l.id, { ciKeystore: [{ alias: 'root', kind: 'certificate', pem: pki.root.certPem, fingerprintSha256: root.fingerprint256 }] });
    const r = await cli(['probe', '--landscape', 'Mail CLI', '--pathway', '1']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('PASSED');
    expect(r.stdout).toMatch(/AUTH: .*PLAIN/);
    expect(r.stdout).not.toContain(canary);
  });
});
