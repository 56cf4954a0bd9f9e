/**
 * The sftp-receiver and mail-receiver templates probed end to end in the real renderer (Chromium)
 * over the test bridge to the real handlers and loopback peers: the host key read, confirmed and
 * pinned from the direction panel (who/how recorded), the SFTP probe refused before and passing
 * after; the mail pathway probed with STARTTLS + AUTH; no mail sent, no canary in the page.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';
import { openEdge, panel, probeOnce, stepsOf } from './edge-panel';
import { createTestServices, makeHome } from '../support/test-services';
import { startSshd, type SshdPeer } from '../peers/sshd';
import { startAiosmtpd, type SmtpPeer } from '../peers/smtp';
import { createTestPki, type TestPki } from '../peers/pki';
import { fingerprintWithSshKeygen, makeClientKey } from '../integration/probes-sftp-smtp/ssh-material';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let sshd: SshdPeer;
let smtp: SmtpPeer;
let pki: TestPki;
const apps: OpenedApp[] = [];

beforeAll(async () => {
  const key = makeClientKey('ed25519');
  pki = await createTestPki();
  sshd = await startSshd({ authorizedKeys: [key.publicLine] });
  smtp = await startAiosmtpd({ mode: 'starttls', user: 'mailer', password: canary, certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem });
  process.env.SFTPSMTP_KEY = key.privateKey;
}, 60_000);
afterAll(async () => {
  for (const a of apps) await a.close();
  await sshd?.stop();
  await smtp?.stop();
  delete process.env.SFTPSMTP_KEY;
});

describe('sftp-receiver in the app', () => {
  it('reads the host key, refuses to probe unconfirmed, pins with who/how, then passes', async () => {
    const home = makeHome('landscape-e2e-sftp-');
    const s = createTestServices(home);
    const l = s.landscapes.create({ templateId: 'sftp-receiver', name: 'Files E2E' });
    const cred = await s.vault.create({ kind: 'ssh-key', label: 'sftp key', meta: { user: 'root' }, secret: { privateKey: process.env.SFTPSMTP_KEY! } });
    s.landscapes.updatePathway(l.id, l.pathways[0]!.id, { endpoint: `127.0.0.1:${sshd.port}`, credentialId: cred.id, sftp: { directory: 'upload', user: 'root' } });
    const app = await openApp({ home, services: s });
    apps.push(app);
    const page = app.page;
    await openEdge(page);

    const refused = await probeOnce(page, 'failed');
    await refused.locator('[data-code="sftp.hostkey.unconfirmed"]').waitFor();

    const box = panel(page).getByRole('region', { name: 'Host key' });
    await box.getByRole('button', { name: 'Read host key' }).click();
    const fingerprint = box.getByTestId('hostkey-fingerprint');
    await expect.poll(() => fingerprint.textContent()).toBe(fingerprintWithSshKeygen(sshd.hostKeyLine()));
    expect(await box.getByTestId('hostkey-ci-verdict').textContent()).toContain('reject HostKey');

    const pinButton = box.getByRole('button', { name: 'Pin host key' });
    await box.getByLabel('Confirmed by').fill('Ada (server admin)');
    await box.getByLabel('How it was confirmed').fill('phone, read back');
    expect(await pinButton.isDisabled()).toBe(true);
    await box.getByLabel('I compared this fingerprint character by character').check();
    await pinButton.click();
    await expect.poll(() => box.getByTestId('hostkey-pin-state').textContent()).toContain('confirmed by Ada (server admin) (phone, read back)');
    expect(s.landscapes.get(l.id).hostKeyTrust[0]).toMatchObject({ confirmedBy: 'Ada (server admin)', confirmedHow: 'phone, read back' });

    // Pinned, so the line can go into CI's modelled known_hosts, from the panel: nothing left to fix.
    expect(await box.getByTestId('hostkey-ci-verdict').textContent()).toContain('reject HostKey');
    await box.getByRole('button', { name: 'Add to Cloud Integration’s known_hosts' }).click();
    await expect.poll(() => box.getByTestId('hostkey-ci-verdict').textContent()).toBe('known_hosts matches: CI accepts the host key');
    expect(await box.getByRole('button', { name: 'Add to Cloud Integration’s known_hosts' }).count()).toBe(0);
    expect(await box.getByTestId('hostkey-known-hosts-added').textContent()).toContain('Monitor → Manage Security → Security Material');
    expect(s.landscapes.get(l.id).knownHosts).toEqual([(await s.hostKeys.scan({ host: '127.0.0.1', port: sshd.port })).hostKey.knownHostsLine]);
    const passed = await probeOnce(page, 'passed');
    expect(await stepsOf(passed)).toEqual(
      expect.arrayContaining(['credentials', 'connect', 'ci-algorithms', 'hostkey', 'auth', 'directory']),
    );
    // Which algorithms CI's SSH client would agree on, and what of that SAP documents.
    const sshProfile = await passed.getByTestId('probe-ssh-profile').textContent();
    expect(sshProfile).toContain('Algorithms as Cloud Integration’s SSH client: accepted with the adapter’s default settings');
    expect(sshProfile).toMatch(/host key ssh-ed25519, .* \(all inferred from JSch's defaults\)/);
    expect(sshProfile).toContain('SAP documents only that ssh-rsa and diffie-hellman-group1-sha1');

    // The server's key changes: a failure until someone re-confirms, never accepted silently.
    await sshd.rotateHostKey();
    const changed = await probeOnce(page, 'failed');
    await changed.locator('[data-code="sftp.hostkey.pin-mismatch"]').waitFor();
    await box.getByRole('button', { name: 'Read host key' }).click();
    await expect.poll(() => box.getByTestId('hostkey-pin-state').textContent()).toContain('different key than the one confirmed');
    expect(await box.getByRole('button', { name: 'Pin host key' }).isDisabled()).toBe(true);
  }, 240_000);
});

describe('mail-receiver in the app', () => {
  it('probes STARTTLS + AUTH against the CI keystore, then names the missing root; no mail, no canary', async () => {
    const home = makeHome('landscape-e2e-mail-');
    const s = createTestServices(home);
    const l = s.landscapes.create({ templateId: 'mail-receiver', name: 'Mail E2E' });
    const cred = await s.vault.create({ kind: 'basic', label: 'mail user', meta: { user: 'mailer' }, secret: { password: canary } });
    s.landscapes.updatePathway(l.id, l.pathways[0]!.id, { endpoint: `127.0.0.1:${smtp.port}`, credentialId: cred.id, smtp: { protection: 'starttls-mandatory', from: 'ci@example.com', to: 'ops@example.com' } });
    const root = new X509Certificate(pki.root.certPem);
    s.landscapes.update(l.id, { ciKeystore: [{ alias: 'mail root', kind: 'certificate', pem: pki.root.certPem, fingerprintSha256: root.fingerprint256 }] });
    const app = await openApp({ home, services: s });
    apps.push(app);
    const page = app.page;
    await openEdge(page);

    const ok = await probeOnce(page, 'passed');
    expect(await stepsOf(ok)).toEqual(
      expect.arrayContaining(['starttls', 'certificates', 'auth', 'addresses']),
    );

    s.landscapes.update(l.id, { ciKeystore: [] });
    const failed = await probeOnce(page, 'failed');
    const finding = failed.locator('[data-code="smtp.tls.untrusted"]');
    expect(await finding.textContent()).toContain('Could not convert socket to TLS');

    expect(smtp.dataCount()).toBe(0);
    expect(await page.content()).not.toContain(canary);
  }, 180_000);
});
