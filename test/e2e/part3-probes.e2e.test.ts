/**
 * The FTP template pathway probed end to end in the real renderer (Chromium) over the test bridge
 * to the real handlers and Debian's vsftpd on loopback: the address, directory and write check set
 * in the direction panel, the maintained-where steps, a passing probe, then Plain FTP chosen in the
 * panel and the server's demand for TLS explained. No password in the page.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';
import { commit, openEdge, panel, probeOnce, stepsOf } from './edge-panel';
import { createTestServices, makeHome } from '../support/test-services';
import { createTestPki, type TestPki } from '../peers/pki';
import { startVsftpd, type VsftpdPeer } from '../peers/vsftpd';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let pki: TestPki;
let ftp: VsftpdPeer;
const apps: OpenedApp[] = [];

beforeAll(async () => {
  pki = await createTestPki();
  ftp = await startVsftpd({ tls: 'explicit', requireReuse: false, password: canary, certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem });
}, 60_000);
afterAll(async () => {
  for (const a of apps) await a.close();
  await ftp?.stop();
});


/** A landscape from `templateId` with a vault credential and the test root in the modelled CI keystore. */
async function prepared(templateId: string, name: string, user: string) {
  const home = makeHome(`landscape-e2e-${templateId}-`);
  const s = createTestServices(home);
  const l = s.landscapes.create({ templateId, name });
  const cred = await s.vault.create({ kind: 'basic', label: `${name} user`, meta: { user }, secret: { password: canary } });
  s.landscapes.updatePathway(l.id, l.pathways[0]!.id, { credentialId: cred.id });
  const root = new X509Certificate(pki.root.certPem);
  s.landscapes.update(l.id, { ciKeystore: [{ alias: 'test root', kind: 'certificate', pem: pki.root.certPem, fingerprintSha256: root.fingerprint256 }] });
  const app = await openApp({ home, services: s });
  apps.push(app);
  await openEdge(app.page);
  return { s, l, page: app.page, home };
}

describe('ftp-receiver in the app', () => {
  it('configured in the panel, probed over explicit FTPS with the write check; Plain FTP then explained', async () => {
    const { s, l, page, home } = await prepared('ftp-receiver', 'FTP E2E', 'anonymous');
    await commit(page, 'cfg-endpoint', `127.0.0.1:${ftp.port}`);
    await commit(page, 'cfg-directory', ftp.upload);
    // A controlled checkbox: its state changes when main has saved the pathway, not at the click.
    await panel(page).locator('#cfg-writeCheck').click();
    await expect.poll(() => s.landscapes.get(l.id).pathways[0]!.ftp).toEqual({ protection: 'explicit', directory: ftp.upload, writeCheck: true });
    const where = panel(page).getByTestId('maintained-where');
    expect(await where.textContent()).toMatch(/Keystore: server root CA[\s\S]*Passive ports and TLS/);

    const ok = await probeOnce(page, 'passed');
    expect(await stepsOf(ok)).toEqual(expect.arrayContaining(['auth-tls', 'certificates', 'login', 'list', 'write', 'resumption']));
    await page.screenshot({ path: join(home, 'ftp-probe.png'), fullPage: true });

    await panel(page).locator('#cfg-protection').selectOption('off');
    await expect.poll(() => s.landscapes.get(l.id).pathways[0]!.ftp?.protection).toBe('off');
    const failed = await probeOnce(page, 'failed');
    const finding = failed.locator('[data-code="ftp.tls-required"]');
    expect(await finding.textContent()).toContain('Explicit FTPS');
    expect(await page.content()).not.toContain(canary);
  }, 120_000);
});
