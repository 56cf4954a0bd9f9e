/**
 * `landscape imap` / `landscape pop3` from the build, as a user runs them, against Debian's dovecot:
 * --json prints only the result, --ca is the CI keystore, the password comes only from the
 * environment and is never printed, exit codes 0 / 1 / 2; and `landscape probe` for the
 * mailbox-sender template pathway with the vault credential and the modelled CI keystore.
 */
import { spawn } from 'node:child_process';
import { X509Certificate, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, makeHome } from '../../support/test-services';
import { createTestPki, type TestPki } from '../../peers/pki';
import { startDovecot, type DovecotPeer } from '../../peers/dovecot';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let pki: TestPki;
let mail: DovecotPeer;
let rootFile: string;

/** The built CLI (bin/landscape.mjs → out/cli), asynchronously so the test process stays responsive. */
function cli(args: string[], env: Record<string, string> = {}, home = makeHome('landscape-cli-mail-')): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/landscape.mjs', ...args], { env: { ...process.env, LANDSCAPE_HOME: home, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
  });
}

beforeAll(async () => {
  pki = await createTestPki();
  rootFile = pki.write('mail-root.pem', pki.root.certPem);
  mail = await startDovecot({ user: 'poller', password: canary, certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem });
}, 60_000);
afterAll(async () => mail?.stop());

const base = (protocol: 'imap' | 'pop3', port: number, protection: string) => [protocol, `127.0.0.1:${port}`, '--protection', protection, '--user', 'poller', '--password-env', 'MAIL_PW', '--ca', rootFile];

describe('landscape imap / pop3 (built CLI)', () => {
  it('imap over SSL/TLS with --json: only the result, passed, counts, exit 0, no password', async () => {
    const r = await cli([...base('imap', mail.imaps, 'tls'), '--json'], { MAIL_PW: canary });
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json).slice(0, 3)).toEqual(['probeId', 'kind', 'target']);
    expect(json).toMatchObject({ kind: 'imap', verdict: 'passed', facts: { mailboxMessages: 5, mailboxUnread: 3, mailProtection: 'tls' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(canary);
  });

  it('imap STARTTLS on a folder, printed for people', async () => {
    const r = await cli([...base('imap', mail.imap, 'starttls'), '--folder', 'Orders'], { MAIL_PW: canary });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 message, 1 unread in Orders/);
    expect(r.stdout).not.toContain(canary);
  });

  it('pop3 with STLS and --json: the message count, no unread count', async () => {
    const r = await cli([...base('pop3', mail.pop3, 'starttls'), '--json'], { MAIL_PW: canary });
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ kind: 'pop3', verdict: 'passed', facts: { mailboxMessages: 5 } });
    expect(json.facts.mailboxUnread).toBeUndefined();
    expect(r.code).toBe(0);
  });

  it('a wrong password and a CI keystore without the root: exit 1 with the finding', async () => {
    const wrong = await cli([...base('pop3', mail.pop3s, 'tls'), '--json'], { MAIL_PW: 'not-the-password' });
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout).findings.map((f: { code: string }) => f.code)).toEqual(['mail.auth.failed']);
    const other = pki.write('mail-other.pem', pki.otherRoot.certPem);
    const untrusted = await cli(['imap', `127.0.0.1:${mail.imaps}`, '--protection', 'tls', '--user', 'poller', '--password-env', 'MAIL_PW', '--ca', other], { MAIL_PW: canary });
    expect(untrusted.code).toBe(1);
    expect(untrusted.stdout).toContain('PKIX path building failed');
  });

  it('usage errors exit 2 with the reason and the usage on stderr', async () => {
    const cases = [
      ['imap', `127.0.0.1:${mail.imaps}`, '--protection', 'tls'],
      ['imap', `127.0.0.1:${mail.imaps}`, '--protection', 'ssl', '--user', 'poller', '--password-env', 'MAIL_PW'],
      ['imap', `127.0.0.1:${mail.imaps}`, '--protection', 'tls', '--user', 'poller', '--password', canary],
      [...base('pop3', mail.pop3s, 'tls'), '--folder', 'Orders'],
    ];
    for (const args of cases) {
      const r = await cli(args, { MAIL_PW: canary });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^landscape ${args[0]}: .+\nusage: landscape ${args[0]} `));
      expect(r.stderr).not.toContain(canary);
    }
  });
});

describe('landscape probe for the mailbox-sender template pathway (built CLI)', () => {
  it('runs the IMAP planner with the vault credential and the modelled CI keystore; POP3 after switching', async () => {
    const home = makeHome('landscape-cli-mailbox-');
    const services = createTestServices(home);
    const l = services.landscapes.create({ templateId: 'mailbox-sender', name: 'Mailbox CLI' });
    const cred = await services.vault.create({ kind: 'basic', label: 'mailbox cli', meta: { user: 'poller' }, secret: { password: canary } });
    const root = new X509Certificate(pki.root.certPem);
    services.landscapes.update(l.id, { ciKeystore: [{ alias: 'root', kind: 'certificate', pem: pki.root.certPem, fingerprintSha256: root.fingerprint256 }] });
    services.landscapes.updatePathway(l.id, l.pathways[0]!.id, { endpoint: `127.0.0.1:${mail.imaps}`, credentialId: cred.id });
    const r = await cli(['probe', '--landscape', 'Mailbox CLI', '--pathway', '1', '--json'], {}, home);
    const result = [JSON.parse(r.stdout)].flat()[0];
    expect(result).toMatchObject({ kind: 'imap', verdict: 'passed', facts: { mailboxMessages: 5, mailboxUnread: 3 } });
    expect(r.code).toBe(0);
    services.landscapes.updatePathway(l.id, l.pathways[0]!.id, { protocol: 'pop3', endpoint: `127.0.0.1:${mail.pop3}`, mailbox: { protection: 'starttls' } });
    const pop = await cli(['probe', '--landscape', 'Mailbox CLI', '--pathway', '1', '--json'], {}, home);
    expect([JSON.parse(pop.stdout)].flat()[0]).toMatchObject({ kind: 'pop3', verdict: 'passed', facts: { mailboxMessages: 5 } });
    expect(r.stdout + pop.stdout).not.toContain(canary);
  });
});
