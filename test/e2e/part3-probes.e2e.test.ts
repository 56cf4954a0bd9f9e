/**
 * The FTP template pathway probed end to end in the real renderer (Chromium) over the test bridge
 * to the real handlers and Debian's vsftpd on loopback: the address, directory and write check set
 * in the direction panel, the maintained-where steps, a passing probe, then Plain FTP chosen in the
 * panel and the server's demand for TLS explained. No password in the page.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from './harness';
import { commit, openPrepared, panel, probeOnce, stepsOf } from './edge-panel';
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


describe('ftp-receiver in the app', () => {
  it('configured in the panel, probed over explicit FTPS with the write check; Plain FTP then explained', async () => {
    const { s, l, app, page, home } = await openPrepared({ templateId: 'ftp-receiver', name: 'FTP E2E', user: 'anonymous', password: canary, rootPem: pki.root.certPem });
    apps.push(app);
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
