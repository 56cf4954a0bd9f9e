/**
 * Evidence in the real renderer: after Probe all, "Save evidence report…" writes the HTML, its
 * PDF (Chromium printer) and twins where the save dialog pointed; the diagram's edge carries the
 * expiry radar's days left for a certificate that expires in 10 days; the radar panel lists it;
 * "Save handover pack…" writes a zip with the ticked .p12. Screenshots go to the temp folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPdfPrinter } from '../../main/services/evidence/pdf-printer';
import { CLIENT_AUTH, issue } from '../peers/pki';
import { createTestServices, makeHome } from '../support/test-services';
import { setUpS4Sscv2, type S4Fixture } from '../integration/probes/s4-sscv2-fixture';
import { CHROMIUM_PATH, openApp, type OpenedApp } from './harness';

let app: OpenedApp;
let fx: S4Fixture;
const work = mkdtempSync(join(tmpdir(), 'landscape-e2e-evidence-out-'));

beforeAll(async () => {
  const home = makeHome('landscape-e2e-evidence-');
  const services = createTestServices(home, {
    printPdf: chromiumPdfPrinter(CHROMIUM_PATH),
    dialogs: { chooseSavePath: async ({ defaultName }) => join(work, defaultName ?? 'out'), chooseOpenPath: async () => null },
  });
  fx = await setUpS4Sscv2(services, 'Evidence E2E');
  const short = await issue({ cn: 'ci-short.example', issuer: fx.pki.intermediate, eku: [CLIENT_AUTH], notAfter: new Date(Date.now() + 10 * 86_400_000) });
  const cred = await services.vault.create({ kind: 'client-certificate', label: 'CI short-lived key pair', meta: { certificateChainPem: [short.certPem, fx.pki.intermediate.certPem] }, secret: { privateKeyPem: short.keyPem } });
  const l = services.landscapes.get(fx.landscapeId);
  services.landscapes.update(l.id, { ciKeystore: l.ciKeystore.map((k) => (k.alias === 'sscv2_client' ? { ...k, credentialId: cred.id } : k)) });
  app = await openApp({ home, services });
  await app.page.locator('[data-edge="4"]').waitFor();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await fx?.nginx.stop();
});

describe('evidence in the app', { timeout: 120_000 }, () => {
  it('marks the edge whose certificate expires within 30 days, in its label and accessible name', async () => {
    // The visible words are drawn in the diagram's text layer above the clickable shapes.
    const words = (n: number) => app.page.locator(`[data-edge-text="${n}"]`).textContent();
    await expect.poll(() => words(2)).toMatch(/(9|10) d left/);
    expect(await app.page.locator('[data-edge="2"]').getAttribute('aria-label')).toMatch(/CI short-lived key pair" (9|10) days left/);
    expect(await words(1)).toMatch(/HTTPS/);
    expect(await words(1)).not.toContain('d left');
  });

  it('lists the radar soonest first in its panel', async () => {
    await app.page.getByRole('button', { name: /^Expiry radar \(\d+ due\)$/ }).click();
    const radar = app.page.getByRole('group', { name: 'Expiry radar' });
    await expect.poll(() => radar.locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await radar.locator('tbody tr').first().textContent()).toContain('CI short-lived key pair');
    await radar.getByRole('button', { name: 'Save reminders (.ics)…' }).click();
    await expect.poll(() => radar.getByRole('status').textContent()).toMatch(/reminders saved to .*Evidence-E2E-expiry\.ics$/);
    expect(readFileSync(join(work, 'Evidence-E2E-expiry.ics'), 'utf8')).toContain('BEGIN:VEVENT');
    await app.page.screenshot({ path: join(work, 'expiry-radar.png'), fullPage: true });
    await radar.getByRole('button', { name: 'Close' }).click();
  });

  it('after Probe all, saves the evidence report with its PDF where the dialog pointed', async () => {
    const control = app.page.getByTestId('probe-all');
    await control.getByRole('button', { name: 'Probe all' }).click();
    await expect.poll(() => control.getByRole('status').textContent(), { timeout: 30_000 }).toBe('4 of 4 probed');
    await app.page.getByRole('button', { name: 'Save evidence report…' }).click();
    const form = app.page.getByRole('form', { name: 'Evidence report' });
    await form.getByLabel('Consultant').fill('Jane Roe');
    await form.getByLabel('Note').fill('Checked before go-live');
    await form.getByRole('button', { name: 'Save…' }).click();
    await expect.poll(() => app.page.getByTestId('evidence-status').textContent(), { timeout: 60_000 }).toMatch(/^Report saved to .*Evidence-E2E-evidence\.html \(PDF .*\)\. SHA-256 [0-9a-f]{64}$/);
    await app.page.screenshot({ path: join(work, 'evidence-saved.png'), fullPage: true });
    const html = readFileSync(join(work, 'Evidence-E2E-evidence.html'), 'utf8');
    expect(html).toContain('Jane Roe');
    expect(html).toContain('✓ passed');
    expect(existsSync(join(work, 'Evidence-E2E-evidence.json'))).toBe(true);
    const text = execFileSync('pdftotext', [join(work, 'Evidence-E2E-evidence.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Evidence report: Evidence E2E');
  });

  it('saves the handover pack as a zip, with the ticked .p12 and without the others', async () => {
    await app.page.getByRole('button', { name: 'Save handover pack…' }).click();
    const pack = app.page.getByRole('group', { name: 'Handover pack' });
    const boxes = pack.getByRole('checkbox', { name: 'holds a private key' });
    await expect.poll(() => boxes.count()).toBeGreaterThan(1);
    const row = pack.locator('tbody tr').filter({ has: app.page.getByRole('checkbox') }).first();
    await row.getByRole('checkbox').check();
    const firstP12 = (await row.locator('code').textContent())!;
    await pack.getByRole('button', { name: 'Save zip…' }).click();
    await expect.poll(() => pack.getByTestId('pack-status').textContent()).toMatch(/^Handover pack saved to .*Evidence-E2E-handover\.zip: \d+ files, \d+ left out\. The \.p12 password is in Credentials/);
    const entries = Object.keys(unzipSync(readFileSync(join(work, 'Evidence-E2E-handover.zip'))));
    expect(entries).toContain(`Evidence-E2E-handover/${firstP12}`);
    expect(entries).toContain('Evidence-E2E-handover/SHA256SUMS');
    expect(entries.filter((e) => e.endsWith('.p12'))).toHaveLength(1);
    await app.page.screenshot({ path: join(work, 'handover-pack.png'), fullPage: true });
  });
});
