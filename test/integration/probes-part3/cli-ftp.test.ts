/**
 * `landscape ftp` and `landscape probe` for the FTP template pathway, in-process against Debian's
 * vsftpd: exit codes, --json only JSON, --ca as the CI keystore, the password only from the
 * environment and never printed.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run-cli';
import type { Services } from '../../../main/composition';
import { createTestServices, makeHome } from '../../support/test-services';
import { createTestPki, type TestPki } from '../../peers/pki';
import { startVsftpd, type VsftpdPeer } from '../../peers/vsftpd';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let services: Services;
let pki: TestPki;
let ftp: VsftpdPeer;

beforeAll(async () => {
  pki = await createTestPki();
  ftp = await startVsftpd({ tls: 'explicit', requireReuse: false, password: canary, certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem });
  services = createTestServices(makeHome('landscape-cli-ftp-'));
}, 60_000);
afterAll(async () => ftp?.stop());

async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env, readStdin: async () => '' }, () => services);
  return { code, stdout, stderr };
}

describe('landscape ftp', () => {
  it('Explicit FTPS with --ca as the CI keystore passes; --json prints only the result', async () => {
    const ca = pki.write('ftp-root.pem', pki.root.certPem);
    const r = await cli(['ftp', `127.0.0.1:${ftp.port}`, '--protection', 'explicit', '--user', 'anonymous', '--password-env', 'PW', '--dir', ftp.upload, '--write-check', '--ca', ca, '--json'], { PW: canary });
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.kind).toBe('ftp');
    expect(json.verdict).toBe('passed');
    expect(json.steps.map((s: { id: string }) => s.id)).toContain('write');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(canary);
  });

  it('a CI keystore without the server’s root: exit 1 with the PKIX finding; usage errors exit 2', async () => {
    const other = pki.write('ftp-other.pem', pki.otherRoot.certPem);
    const r = await cli(['ftp', `127.0.0.1:${ftp.port}`, '--protection', 'explicit', '--user', 'anonymous', '--password-env', 'PW', '--ca', other], { PW: canary });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('PKIX path building failed');
    expect((await cli(['ftp', `127.0.0.1:${ftp.port}`])).code).toBe(2);
    expect((await cli(['ftp', `127.0.0.1:${ftp.port}`, '--protection', 'sftp'])).code).toBe(2);
    expect((await cli(['ftp', `127.0.0.1:${ftp.port}`, '--protection', 'off', '--user', 'anonymous'])).code).toBe(2);
  });
});

describe('landscape probe for the FTP template pathway', () => {
  it('runs the FTP planner with the vault credential and the modelled CI keystore', async () => {
    const l = services.landscapes.create({ templateId: 'ftp-receiver', name: 'FTP CLI' });
    const cred = await services.vault.create({ kind: 'basic', label: 'ftp cli', meta: { user: 'anonymous' }, secret: { password: canary } });
    services.landscapes.updatePathway(l.id, l.pathways[0]!.id, { endpoint: `127.0.0.1:${ftp.port}`, credentialId: cred.id, ftp: { protection: 'explicit', directory: ftp.upload } });
    const root = new X509Certificate(pki.root.certPem);
    services.landscapes.update(l.id, { ciKeystore: [{ alias: 'root', kind: 'certificate', pem: pki.root.certPem, fingerprintSha256: root.fingerprint256 }] });
    const r = await cli(['probe', '--landscape', 'FTP CLI', '--pathway', '1', '--json']);
    const json = JSON.parse(r.stdout);
    const result = Array.isArray(json) ? json[0] : json;
    expect(result.kind).toBe('ftp');
    expect(result.verdict).toBe('passed');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(canary);
  });
});
