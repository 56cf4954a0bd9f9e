/**
 * The Credentials view in Chromium over the real handlers and keychain: it lists metadata, creates
 * a Basic credential with a password generated in main, and the page's DOM holds that password
 * only between Reveal and Hide.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';

describe('Credentials view', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('creates a Basic credential with a generated password and reveals it only on request', async () => {
    app = await openApp();
    const { page, services } = app;
    const existing = await services.vault.create({ kind: 'oauth2-client', label: 'Existing client', meta: { clientId: 'client-id-1', tokenUrl: 'https://t.example/oauth/token' }, secret: { clientSecret: `cs-${crypto.randomUUID()}` } });
    await page.getByRole('button', { name: 'Credentials' }).click();
    await page.getByRole('row', { name: /Existing client/ }).waitFor();
    expect(await page.getByRole('row', { name: /Existing client/ }).textContent()).toContain('client-id-1');

    const basic = page.getByRole('form', { name: 'Add a Basic credential' });
    await basic.getByLabel('Label').fill('ERP inbound');
    await basic.getByLabel('User').fill('PI_USER');
    await basic.getByLabel('Generate one').check();
    await basic.getByRole('button', { name: 'Generate password' }).click();
    await expect.poll(() => page.getByTestId('generated-password').textContent()).toMatch(/24-character password.*✔ Cloud\s+Integration keystore rule · ✔ User Credentials/);
    await page.getByRole('button', { name: 'Save credential' }).click();
    await page.getByRole('row', { name: /ERP inbound/ }).waitFor();

    const created = await services.vault.findByLabel('ERP inbound');
    expect(created).toMatchObject({ kind: 'basic', user: 'PI_USER' });
    const { password } = await services.vault.readSecret(created!.id);
    expect(password).toHaveLength(24);
    const otherSecret = (await services.vault.readSecret(existing.id)).clientSecret!;
    const html = () => page.content();
    expect(await html()).not.toContain(password);
    expect(await html()).not.toContain(otherSecret);

    await page.getByRole('button', { name: 'Reveal secret of ERP inbound' }).click();
    await expect.poll(() => page.getByTestId('revealed-secret').textContent()).toContain(password);
    expect(await html()).toContain(password);
    expect(await html()).not.toContain(otherSecret);

    await page.getByRole('button', { name: 'Hide secret of ERP inbound' }).click();
    await expect.poll(html).not.toContain(password);
    expect(await page.getByTestId('revealed-secret').count()).toBe(0);

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Remove ERP inbound' }).click();
    await expect.poll(() => page.getByRole('row', { name: /ERP inbound/ }).count()).toBe(0);
    expect(await services.vault.findByLabel('ERP inbound')).toBeUndefined();
    await services.vault.remove(existing.id);
  });

  it('generator options: length and character classes reach main', async () => {
    app = await openApp();
    const { page } = app;
    await page.getByRole('button', { name: 'Credentials' }).click();
    await page.getByLabel('Generate one').check();
    await page.getByLabel('Password length').fill('40');
    await page.getByLabel('symbols').uncheck();
    await page.getByRole('button', { name: 'Generate password' }).click();
    await expect.poll(() => page.getByTestId('generated-password').textContent()).toMatch(/40-character password \(lower, upper, digit\)/);
  });

  it('imports a service key from a chosen file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svc-key-e2e-'));
    const file = join(dir, 'key.json');
    const clientSecret = `svc-${crypto.randomUUID()}`;
    writeFileSync(file, JSON.stringify({ clientid: 'sb-y!b1|it-rt-file-sub!b2', clientsecret: clientSecret, url: 'https://file-sub.it-cpi018-rt.cfapps.eu10.hana.ondemand.com', tokenurl: 'https://file-sub.authentication.eu10.hana.ondemand.com/oauth/token' }));
    app = await openApp({ overrides: { dialogs: { chooseOpenPath: async () => file, chooseSavePath: async () => null } } });
    const { page, services } = app;
    await page.getByRole('button', { name: 'Credentials' }).click();
    await page.getByRole('button', { name: 'Import from file…' }).click();
    await page.getByRole('row', { name: /BTP file-sub/ }).waitFor();
    expect(await page.content()).not.toContain(clientSecret);
    rmSync(dir, { recursive: true, force: true });
    for (const c of await services.vault.list()) await services.vault.remove(c.id);
  });

  it('imports a pasted service key and shows the inbound offer, never the secret', async () => {
    app = await openApp();
    const { page, services } = app;
    const clientSecret = `svc-${crypto.randomUUID()}`;
    const key = { oauth: { clientid: 'sb-x!b1|it-rt-e2e-sub!b2', clientsecret: clientSecret, url: 'https://e2e-sub.it-cpi018-rt.cfapps.eu10.hana.ondemand.com', tokenurl: 'https://e2e-sub.authentication.eu10.hana.ondemand.com/oauth/token' } };
    await page.getByRole('button', { name: 'Credentials' }).click();
    await page.getByLabel('Service key JSON').fill(JSON.stringify(key));
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => page.getByTestId('service-key-result').textContent()).toContain('it-cpi018-rt');
    await page.getByRole('row', { name: /BTP e2e-sub/ }).waitFor();
    expect(await page.content()).not.toContain(clientSecret);
    for (const c of await services.vault.list()) await services.vault.remove(c.id);
  });
  it('a customer-supplied password and an OAuth2 client typed by hand go to main once and leave the form; one is edited', async () => {
    app = await openApp();
    const { page, services } = app;
    const password = `Given-${crypto.randomUUID()}`;
    const secret = `cs-${crypto.randomUUID()}`;
    await page.getByRole('button', { name: 'Credentials' }).click();
    const basic = page.getByRole('form', { name: 'Add a Basic credential' });
    await basic.getByLabel('Label').fill('S/4 communication user');
    await basic.getByLabel('User').fill('S4_COMM');
    await basic.getByLabel('Password', { exact: true }).fill(password);
    await basic.getByRole('button', { name: 'Save credential' }).click();
    await page.getByRole('row', { name: /S\/4 communication user/ }).waitFor();
    expect(await basic.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    const s4 = await services.vault.findByLabel('S/4 communication user');
    expect((await services.vault.readSecret(s4!.id)).password).toBe(password);

    const oauth = page.getByRole('form', { name: 'Add an OAuth2 client' });
    await oauth.getByLabel('Label').fill('SSCv2 OAuth client');
    await oauth.getByLabel('Client ID').fill('sscv2-client');
    await oauth.getByLabel('Client secret').fill(secret);
    await oauth.getByLabel('Token URL').fill('https://sscv2.example.com/oauth/token');
    await oauth.getByRole('button', { name: 'Save OAuth2 client' }).click();
    await page.getByRole('row', { name: /SSCv2 OAuth client/ }).waitFor();
    expect(await oauth.getByLabel('Client secret').inputValue()).toBe('');
    const client = await services.vault.findByLabel('SSCv2 OAuth client');
    expect(client).toMatchObject({ kind: 'oauth2-client', clientId: 'sscv2-client', tokenUrl: 'https://sscv2.example.com/oauth/token' });
    expect((await services.vault.readSecret(client!.id)).clientSecret).toBe(secret);

    await page.getByRole('button', { name: 'Edit S/4 communication user' }).click();
    const edit = page.getByRole('form', { name: 'Edit S/4 communication user' });
    await edit.getByLabel('User').fill('S4_COMM_2');
    await edit.getByLabel(/New password/).fill(`${password}-new`);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByRole('row', { name: /S\/4 communication user/ }).textContent()).toContain('S4_COMM_2');
    expect((await services.vault.readSecret(s4!.id)).password).toBe(`${password}-new`);
    expect(await page.content()).not.toContain(password);
    expect(await page.content()).not.toContain(secret);
    await services.vault.remove(s4!.id);
    await services.vault.remove(client!.id);
  });
});
