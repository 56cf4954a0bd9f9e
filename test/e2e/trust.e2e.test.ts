/**
 * Trust in Chromium over the real handlers: the Trust screen imports a CA file chosen in the dialog
 * and links a vault client certificate as a keystore key pair; a probe against a loopback server
 * (openssl s_server sending its root) offers “Add to keystore” and “Add to the landscape's CAs” as
 * buttons, and after them the next probe no longer predicts CI's PKIX failure. Screenshots go to
 * test-results/screenshots/ui.
 */
import { mkdirSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestPki, type TestPki } from '../peers/pki';
import { startOpensslServer, type RunningPeer } from '../peers/openssl-server';
import { createTestServices, makeHome } from '../support/test-services';
import { openApp, type OpenedApp } from './harness';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots/ui');
const panel = (page: Page) => page.getByTestId('side-panel');

describe('trust: the Trust screen and the probe result’s trust actions', { timeout: 240_000 }, () => {
  let pki: TestPki;
  let peer: RunningPeer;
  let app: OpenedApp;
  let landscapeId = '';
  const open: string[] = [];
  beforeAll(async () => {
    pki = await createTestPki();
    peer = await startOpensslServer({ pki, leaf: pki.server, sendRoot: true });
    const home = makeHome('landscape-e2e-trust-');
    const services = createTestServices(home, { dialogs: { chooseOpenPath: async () => open.shift() ?? null, chooseSavePath: async () => null } });
    const l = services.landscapes.create({ templateId: 's4-sscv2', name: 'Trust E2E' });
    landscapeId = l.id;
    const p2 = l.pathways.find((p) => p.number === 2)!;
    services.landscapes.updatePathway(l.id, p2.id, { endpoint: `https://localhost:${peer.port}/`, auth: 'none' });
    const p1 = l.pathways.find((p) => p.number === 1)!;
    services.landscapes.updatePathway(l.id, p1.id, { endpoint: `https://localhost:${peer.port}/http/orders`, auth: 'none' });
    await services.vault.create({
      kind: 'client-certificate',
      label: 'SSCv2 client',
      meta: { certificateChainPem: [pki.client.certPem, pki.intermediate.certPem], subject: 'CN=sscv2-client.example' },
      secret: { privateKeyPem: pki.client.keyPem },
    });
    app = await openApp({ home, services });
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await app?.close();
    await peer?.stop();
  });

  it('a probe whose server sent a valid root offers “Add to keystore” and “Add to the landscape’s CAs”', async () => {
    const page = app.page;
    await page.getByTestId('diagram').getByRole('button', { name: /^Pathway 2: / }).click();
    const probe = panel(page).getByTestId('probe-panel');
    await probe.getByRole('button', { name: 'Probe', exact: true }).click();
    await expect.poll(() => probe.locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 20_000 }).toBe('failed');
    expect(await probe.locator('[data-code="tls.pkix-path"]').count()).toBe(1);
    const actions = probe.getByTestId('probe-trust-actions');
    expect(await actions.getByLabel('Alias in the CI keystore').inputValue()).toBe('landscape_test_root_ca');
    await page.screenshot({ path: resolve(SHOTS, 'probe-add-to-keystore.png'), fullPage: true });
    await actions.getByRole('button', { name: 'Add to keystore' }).click();
    await expect.poll(() => actions.getByTestId('probe-trust-status').textContent()).toMatch(/as "landscape_test_root_ca".*Probe again/);
    const stored = app.services.landscapes.get(landscapeId);
    expect(stored.ciKeystore.map((e) => [e.alias, e.kind, e.fingerprintSha256])).toEqual([['landscape_test_root_ca', 'certificate', new X509Certificate(pki.root.certPem).fingerprint256]]);
    // Probe again: CI now trusts the chain.
    await probe.getByRole('button', { name: 'Probe', exact: true }).click();
    await expect.poll(() => probe.locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 20_000 }).not.toBe('failed');
    expect(await probe.locator('[data-code="tls.pkix-path"]').count()).toBe(0);
    expect(await probe.getByTestId('probe-trust-actions').count()).toBe(0);
    // Inbound (pathway 1): the sender does not trust the root; the result offers the landscape's CAs.
    await page.getByTestId('diagram').getByRole('button', { name: /^Pathway 1: / }).click();
    const probe1 = panel(page).getByTestId('probe-panel');
    await probe1.getByRole('button', { name: 'Probe', exact: true }).click();
    await expect.poll(() => probe1.locator('[data-code="tls.untrusted-sender"]').count(), { timeout: 25_000 }).toBe(1);
    await probe1.getByTestId('probe-trust-actions').getByRole('button', { name: /to the landscape’s CAs$/ }).click();
    await expect.poll(() => app.services.landscapes.get(landscapeId).caCertificates.map((c) => c.label)).toEqual(['Landscape Test Root CA']);
    await probe1.getByRole('button', { name: 'Probe', exact: true }).click();
    await expect.poll(() => probe1.locator('[data-code="tls.untrusted-sender"]').count(), { timeout: 20_000 }).toBe(0);
  });

  it('the Trust screen lists both, imports a CA file chosen in the dialog and links a key pair to an alias', async () => {
    const page = app.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Trust' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trust' }).waitFor();
    const keystore = page.getByRole('table', { name: 'Cloud Integration keystore' });
    await expect.poll(() => keystore.locator('[data-alias="landscape_test_root_ca"]').count()).toBe(1);
    // The intermediate from a file the dialog returns.
    open.push(pki.write('issuing.pem', pki.intermediate.certPem));
    await page.getByRole('button', { name: 'Import CA certificate…' }).click();
    const cas = page.getByRole('table', { name: 'The landscape’s CA certificates' });
    await expect.poll(() => cas.locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('trust-status').textContent()).toBe('Added to the landscape’s CAs: Landscape Test Issuing CA.');
    // A file that is not a certificate: refused, saying what was expected; nothing added.
    open.push(pki.write('notes.txt', 'hello'));
    await page.getByRole('button', { name: 'Import CA certificate…' }).click();
    await expect.poll(() => page.getByTestId('trust-status').textContent()).toMatch(/PEM, DER or PKCS#7 expected/);
    expect(await cas.locator('tbody tr').count()).toBe(2);
    // An SAP-owned alias is refused; then a proper one links the vault's client certificate.
    const form = page.getByRole('group', { name: 'Add to the keystore' });
    await form.getByLabel('Key pair from the vault').selectOption({ label: 'SSCv2 client' });
    await form.getByLabel('Alias').fill('sap_client');
    await form.getByRole('button', { name: 'Add key pair' }).click();
    await expect.poll(() => page.getByTestId('trust-status').textContent()).toMatch(/SAP-owned alias/);
    await form.getByLabel('Alias').fill('acme_sscv2_client');
    await form.getByRole('button', { name: 'Add key pair' }).click();
    await expect.poll(() => keystore.locator('[data-alias="acme_sscv2_client"]').textContent()).toMatch(/Key pair: SSCv2 client/);
    const entry = app.services.landscapes.get(landscapeId).ciKeystore.find((e) => e.alias === 'acme_sscv2_client');
    expect(entry?.kind).toBe('key-pair');
    await page.screenshot({ path: resolve(SHOTS, 'trust-screen.png'), fullPage: true });
    // Removal in two steps.
    await cas.locator('tbody tr').filter({ hasText: 'Issuing' }).getByRole('button', { name: 'Remove…' }).click();
    await cas.getByRole('button', { name: 'Remove Landscape Test Issuing CA' }).click();
    await expect.poll(() => cas.locator('tbody tr').count()).toBe(1);
  });
});
