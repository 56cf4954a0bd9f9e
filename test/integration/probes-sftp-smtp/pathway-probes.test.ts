/**
 * The sftp-receiver and mail-receiver templates probed through the app's real services (landscapes,
 * vault on the session keychain, probe engine and history) against loopback peers: the host key is
 * pinned only after a recorded confirmation, and the canary password is in nothing the app wrote.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, makeHome } from '../../support/test-services';
import type { Services } from '../../../main/composition';
import { startSshd, type SshdPeer } from '../../peers/sshd';
import { startAiosmtpd, type SmtpPeer } from '../../peers/smtp';
import { createTestPki, type TestPki } from '../../peers/pki';
import { makeClientKey, type ClientKey } from './ssh-material';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let home: string;
let s: Services;
let sshd: SshdPeer;
let smtp: SmtpPeer;
let key: ClientKey;
let pki: TestPki;

beforeAll(async () => {
  key = makeClientKey('ed25519');
  pki = await createTestPki();
  sshd = await startSshd({ authorizedKeys: [key.publicLine] });
  smtp = await startAiosmtpd({ mode: 'starttls', user: 'mailer', password: canary, certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem });
  home = makeHome();
  s = createTestServices(home);
}, 60_000);
afterAll(async () => {
  await sshd?.stop();
  await smtp?.stop();
});

async function probe(landscape: string) {
  return s.probes.start(landscape, 1, () => {}).done;
}

function everythingWritten(dir: string): string {
  return readdirSync(dir, { recursive: true })
    .map((f) => join(dir, String(f)))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f, 'latin1'))
    .join('\n');
}

describe('SFTP and SMTP pathways through the app services', () => {
  it('sftp-receiver: refused until the host key is confirmed, then passes once CI known_hosts has the line', async () => {
    const l = s.landscapes.create({ templateId: 'sftp-receiver', name: 'Files' });
    const cred = await s.vault.create({ kind: 'ssh-key', label: 'sftp key', meta: { user: 'root' }, secret: { privateKey: key.privateKey } });
    s.landscapes.updatePathway(l.id, l.pathways[0]!.id, { endpoint: `127.0.0.1:${sshd.port}`, credentialId: cred.id, sftp: { directory: 'upload', user: 'root' } });

    const first = await probe(l.id);
    expect(first.kind).toBe('sftp');
    expect(first.verdict).toBe('failed');
    expect(first.findings.map((f) => f.code)).toContain('sftp.hostkey.unconfirmed');

    const scan = await s.hostKeys.scan({ host: '127.0.0.1', port: sshd.port, landscape: l.id });
    expect(scan.ci.status).toBe('missing');
    s.hostKeys.pin(l.id, { host: '127.0.0.1', port: sshd.port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint, confirmedBy: 'tester', confirmedHow: 'read back on the phone' });
    const pinned = s.landscapes.get(l.id).hostKeyTrust[0]!;
    expect(pinned).toMatchObject({ fingerprint: scan.hostKey.fingerprint, confirmedBy: 'tester', confirmedHow: 'read back on the phone' });
    expect(Date.parse(pinned.confirmedAt)).not.toBeNaN();

    const second = await probe(l.id);
    expect(second.verdict).toBe('failed');
    expect(second.findings.map((f) => f.code)).toEqual(['sftp.hostkey.reject']);
    expect(second.steps.find((x) => x.id === 'directory')?.status).toBe('ok');

    s.landscapes.update(l.id, { knownHosts: [scan.hostKey.knownHostsLine] });
    const third = await probe(l.id);
    expect(third.verdict).toBe('passed');
    expect(third.facts?.hostKeyFingerprint).toBe(scan.hostKey.fingerprint);
    // The write check touches the customer's server: only when the pathway asks for it.
    expect(third.transcript.join('\n')).not.toContain('create and remove');
    s.landscapes.updatePathway(l.id, l.pathways[0]!.id, { sftp: { directory: 'upload', user: 'root', writeCheck: true } });
    const withWrite = await probe(l.id);
    expect(withWrite.verdict).toBe('passed');
    expect(withWrite.transcript.join('\n')).toMatch(/create and remove \S*upload\/\.landscape-probe-\S+ → ok/);
    // Authentication None (CI's SSH test option): the host and its key are checked, no login is tried.
    s.landscapes.updatePathway(l.id, l.pathways[0]!.id, { auth: 'none', sftp: { directory: 'upload' } });
    const hostOnly = await probe(l.id);
    expect(hostOnly.verdict).toBe('passed');
    expect(hostOnly.steps.find((x) => x.id === 'auth')?.status).toBe('skipped');
    expect(hostOnly.steps.find((x) => x.id === 'directory')?.status).toBe('skipped');
    expect(hostOnly.facts?.hostKeyFingerprint).toBe(scan.hostKey.fingerprint);

    // On-Premise: CI reaches the server through the Cloud Connector, so known_hosts must name the
    // virtual host; the line with the real host no longer satisfies CI.
    s.landscapes.updatePathway(l.id, l.pathways[0]!.id, { proxy: { type: 'on-premise', locationId: 'loc1', virtualHost: 'sftp-virtual:22' } });
    const onPrem = await probe(l.id);
    expect(onPrem.facts?.knownHostsLine).toBe(`sftp-virtual ${scan.hostKey.keyType} ${scan.hostKey.keyBase64}`);
    expect(onPrem.findings.map((f) => f.code)).toEqual(['sftp.hostkey.reject']);
  });

  it('mail-receiver: STARTTLS, the chain trusted by the modelled CI keystore, AUTH, no mail, no canary anywhere', async () => {
    const l = s.landscapes.create({ templateId: 'mail-receiver', name: 'Mail' });
    const cred = await s.vault.create({ kind: 'basic', label: 'mail user', meta: { user: 'mailer' }, secret: { password: canary } });
    s.landscapes.updatePathway(l.id, l.pathways[0]!.id, { endpoint: `127.0.0.1:${smtp.port}`, credentialId: cred.id, smtp: { protection: 'starttls-mandatory', from: 'ci@example.com', to: 'ops@example.com' } });
    const root = new X509Certificate(pki.root.certPem);
    s.landscapes.update(l.id, { ciKeystore: [{ alias: 'mail root', kind: 'certificate', pem: pki.root.certPem, fingerprintSha256: root.fingerprint256 }] });

    const ok = await probe(l.id);
    expect(ok.kind).toBe('smtp');
    expect(ok.verdict).toBe('passed');
    expect(ok.facts?.smtpAuthMechanisms).toEqual(expect.arrayContaining(['PLAIN']));

    s.landscapes.update(l.id, { ciKeystore: [] });
    const missingRoot = await probe(l.id);
    expect(missingRoot.verdict).toBe('failed');
    expect(missingRoot.findings.find((f) => f.code === 'smtp.tls.untrusted')?.literal).toBe('Could not convert socket to TLS');

    expect(smtp.dataCount()).toBe(0);
    expect(JSON.stringify([ok, missingRoot])).not.toContain(canary);
    expect(everythingWritten(home)).not.toContain(canary);
  });

  it('probe all: one landscape with an SFTP and a mail pathway, both planned by their probes', async () => {
    const l = s.landscapes.create({ templateId: 'sftp-receiver', name: 'Both' });
    const key2 = await s.vault.create({ kind: 'ssh-key', label: 'sftp key 2', meta: { user: 'root' }, secret: { privateKey: key.privateKey } });
    s.landscapes.updatePathway(l.id, l.pathways[0]!.id, { endpoint: `127.0.0.1:${sshd.port}`, credentialId: key2.id, sftp: { user: 'root' } });
    const scan = await s.hostKeys.scan({ host: '127.0.0.1', port: sshd.port, landscape: l.id });
    s.hostKeys.pin(l.id, { host: '127.0.0.1', port: sshd.port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint, confirmedBy: 't', confirmedHow: 'console' });
    s.landscapes.update(l.id, { knownHosts: [scan.hostKey.knownHostsLine], ciKeystore: [{ alias: 'root', kind: 'certificate', pem: pki.root.certPem }] });
    const withMail = s.landscapes.addSystem(l.id, { name: 'Mail server', kind: 'mail-server' });
    const mailId = withMail.systems.find((x) => x.name === 'Mail server')!.id;
    const mailCred = await s.vault.create({ kind: 'basic', label: 'mail user 2', meta: { user: 'mailer' }, secret: { password: canary } });
    s.landscapes.addPathway(l.id, { from: 'tenant', to: mailId, protocol: 'smtp', adapter: 'mail', auth: 'plain', endpoint: `127.0.0.1:${smtp.port}`, credentialId: mailCred.id, smtp: { protection: 'starttls-mandatory' } });
    const results = await s.probes.startAll(l.id, () => {}).done;
    expect(results.map((r) => [r.kind, r.verdict])).toEqual([
      ['sftp', 'passed'],
      ['smtp', 'passed'],
    ]);
  });
});
