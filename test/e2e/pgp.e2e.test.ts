/**
 * PGP in Chromium over the real handlers and keychain: the Certificates view's PGP section creates a
 * key, imports a partner's public key (scripted open dialog), exports the public keyring that gpg
 * then imports; the direction panel of an outbound pathway takes both keys, and its "where it is
 * maintained" steps then name the tenant's keyrings and the user ID to type.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';
import { makeGnuPg } from '../support/gnupg';

const work = mkdtempSync(join(tmpdir(), 'landscape-pgp-e2e-'));

describe('PGP keys in the app', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('creates, imports and exports keys, and a pathway takes them into its steps', { timeout: 180_000 }, async () => {
    const partnerFile = join(work, 'partner.asc');
    const { publicKey } = await openpgp.generateKey({ type: 'rsa', rsaBits: 2048, userIDs: [{ name: 'SSC Orders', email: 'orders@ssc.example' }], format: 'armored' });
    writeFileSync(partnerFile, publicKey);
    const ringPath = join(work, 'public-keyring.asc');
    app = await openApp({ overrides: { dialogs: { chooseSavePath: async () => ringPath, chooseOpenPath: async () => partnerFile } } });
    const { page, services } = app;
    page.setDefaultTimeout(60_000);
    await page.getByRole('button', { name: 'Certificates' }).click();

    const form = page.getByRole('form', { name: 'New PGP key' });
    await form.getByLabel('PGP key label').fill('Acme CI');
    await form.getByLabel('User ID').fill('Acme Integration <integration@acme.example>');
    await form.getByRole('button', { name: 'Generate PGP key' }).click();
    await page.getByTestId('pgp-row-Acme CI').waitFor();
    expect(await page.getByTestId('pgp-row-Acme CI').textContent()).toMatch(/RSA 2048.*key ID [0-9A-F]{16}/);

    await page.getByRole('button', { name: 'Import keys…' }).click();
    await page.getByTestId('pgp-row-partner').waitFor();
    expect(await page.getByTestId('pgp-row-partner').textContent()).toContain("Partner's public key");

    await page.getByLabel('Select Acme CI').check();
    await page.getByLabel('Select partner').check();
    await page.getByRole('button', { name: 'Export public keyring…' }).click();
    await expect.poll(() => page.getByTestId('pgp-export').textContent()).toMatch(/Public Keys/);
    expect(await page.getByTestId('pgp-export').textContent()).toMatch(/Overwrite Existing Keys/);
    await page.screenshot({ path: join(work, 'pgp-section.png'), fullPage: true });

    const gpg = makeGnuPg();
    try {
      gpg.run(['--import', ringPath]);
      const keys = await services.pgp.list();
      expect(gpg.fingerprints().sort()).toEqual(keys.map((k) => k.fingerprint.toUpperCase()).sort());
    } finally {
      gpg.close();
    }
    expect(readFileSync(ringPath, 'utf8')).not.toMatch(/PRIVATE KEY/);

    // The landscape: pathway 2 (CI → SSCv2) takes both keys in its direction panel.
    services.landscapes.create({ templateId: 's4-sscv2', name: 'Acme' });
    await page.getByRole('button', { name: 'Landscape', exact: true }).click();
    if (!(await page.getByRole('heading', { level: 1, name: 'Acme' }).isVisible())) await page.getByRole('button', { name: /Acme/ }).first().click();
    await page.locator('[data-edge="2"]').waitFor();
    await page.getByRole('button', { name: /^Pathway 2: / }).click();
    const pgp = page.getByRole('group', { name: 'PGP (message-level security)' });
    // The box follows the saved model (main answers with the stored landscape), so click, then wait.
    await pgp.getByLabel('This pathway carries PGP-encrypted or signed messages').click();
    await expect.poll(() => services.landscapes.get('Acme').pathways.find((p) => p.number === 2)?.pgp).toEqual({ encrypt: true, sign: true });
    const fprOf = async (label: string) => (await services.pgp.resolve(label)).fingerprint;
    await pgp.getByLabel('Our key (secret keyring on the tenant)').selectOption(await fprOf('Acme CI'));
    await expect.poll(() => services.landscapes.get('Acme').pathways.find((p) => p.number === 2)?.pgp?.ownKey).toMatch(/^[0-9a-f]{40}$/);
    await pgp.getByLabel("Partner's key (public keyring on the tenant)").selectOption(await fprOf('partner'));
    await expect.poll(() => services.landscapes.get('Acme').pathways.find((p) => p.number === 2)?.pgp?.partnerUserId).toBe('SSC Orders <orders@ssc.example>');
    const steps = page.getByTestId('side-panel');
    await expect.poll(() => steps.textContent()).toMatch(/PGP public keyring/);
    expect(await steps.textContent()).toMatch(/Encryption Key User ID: "SSC Orders <orders@ssc\.example>"/);
    expect(await steps.textContent()).toMatch(/PGP secret keyring: our key [0-9A-F]{16}/);
    await page.screenshot({ path: join(work, 'pgp-panel.png'), fullPage: true });
  });
});
