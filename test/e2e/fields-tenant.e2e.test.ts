/**
 * The direction panel shows only the fields its direction and authentication use, credential
 * pickers list only matching kinds by label, and the tenant's runtime host is edited on the tenant
 * node: a pasted service-key URL is stored as its host, a bad one refused under its field, and the
 * inbound-host rule runs on pathway 1 at once.
 */
import { resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestServices, makeHome } from '../support/test-services';
import { openApp, type OpenedApp } from './harness';

const SHOTS = resolve(import.meta.dirname, '../../test-results/screenshots/ui');
const panel = (page: Page) => page.getByTestId('side-panel');
async function openEdge(page: Page, n: number) {
  await page.getByTestId('diagram').getByRole('button', { name: new RegExp(`^Pathway ${n}: `) }).click();
  await expect.poll(() => panel(page).getByRole('heading', { level: 2 }).textContent()).toMatch(new RegExp(`^Pathway ${n}: `));
}
const shown = (page: Page, id: string) => panel(page).locator(`#${id}`).count();

describe('fields that apply, and the tenant editor', { timeout: 120_000 }, () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('shows only the fields of the direction and authentication chosen', async () => {
    const home = makeHome('landscape-fields-');
    const services = createTestServices(home);
    services.landscapes.create({ templateId: 's4-sscv2', name: 'Fields' });
    await services.vault.create({ kind: 'basic', label: 'S4 comm user', meta: { user: 'COMM' }, secret: { password: randomBytes(12).toString('base64url') } });
    app = await openApp({ home, services });
    const page = app.page;
    // 1: inbound Basic. The sender's credential is in the BTP cockpit: no CI name, no alias, no proxy type.
    await openEdge(page, 1);
    expect(await shown(page, 'cfg-credentialId')).toBe(1);
    expect(await shown(page, 'cfg-credentialName')).toBe(0);
    expect(await shown(page, 'cfg-keystoreAlias')).toBe(0);
    expect(await shown(page, 'cfg-proxy')).toBe(0);
    const options = await panel(page).locator('#cfg-credentialId option').allTextContents();
    expect(options.slice(1)).toEqual(['S4 comm user']);
    // 2: outbound client certificate: the Private Key Alias, no User Credentials name.
    await openEdge(page, 2);
    expect(await shown(page, 'cfg-keystoreAlias')).toBe(1);
    expect(await shown(page, 'cfg-credentialName')).toBe(0);
    expect(await shown(page, 'cfg-proxy')).toBe(1);
    // A Basic credential cannot carry a client certificate: the picker lists none.
    expect((await panel(page).locator('#cfg-credentialId option').allTextContents()).slice(1)).toEqual([]);
    // Switch to Basic: the Credential Name appears, the alias goes.
    await panel(page).locator('#cfg-auth').selectOption('basic');
    await expect.poll(() => shown(page, 'cfg-credentialName')).toBe(1);
    expect(await shown(page, 'cfg-keystoreAlias')).toBe(0);
    expect((await panel(page).locator('#cfg-credentialId option').allTextContents()).slice(1)).toEqual(['S4 comm user']);
    // No authentication: nothing to pick.
    await panel(page).locator('#cfg-auth').selectOption('none');
    await expect.poll(() => shown(page, 'cfg-credentialId')).toBe(0);
    expect(await shown(page, 'cfg-credentialName')).toBe(0);
    // No option text carries a raw kind suffix.
    const allOptions = await panel(page).locator('select option').allTextContents();
    expect(allOptions.join('|')).not.toMatch(/\((basic|client-certificate|oauth2-client|key-pair)\)/);
  });

  it('edits the runtime host on the tenant node; the inbound-host rule runs at once', async () => {
    const home = makeHome('landscape-tenant-');
    const services = createTestServices(home);
    const l = services.landscapes.create({ templateId: 's4-sscv2', name: 'Tenant' });
    const p1 = l.pathways.find((p) => p.number === 1)!;
    services.landscapes.updatePathway(l.id, p1.id, { endpoint: 'https://acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com/http/orders' });
    app = await openApp({ home, services });
    const page = app.page;
    await page.getByTestId('diagram').locator('[data-node="tenant"]').click();
    const host = panel(page).getByLabel('Runtime host');
    // Not a host: refused under the field, nothing stored.
    await host.fill('acme rt host');
    await host.press('Enter');
    const alert = panel(page).locator('#tenant-runtimeHost-error');
    await expect.poll(() => alert.textContent()).toMatch(/no spaces/);
    expect(await host.getAttribute('aria-invalid')).toBe('true');
    expect(services.landscapes.get(l.id).tenant.runtimeHost).toBe('');
    // The service key's url pasted whole: stored as its host.
    await host.fill('https://other.it-cpi001-rt.cfapps.eu10.hana.ondemand.com/');
    await host.press('Enter');
    await expect.poll(() => services.landscapes.get(l.id).tenant.runtimeHost).toBe('other.it-cpi001-rt.cfapps.eu10.hana.ondemand.com');
    await expect.poll(() => host.inputValue()).toBe('other.it-cpi001-rt.cfapps.eu10.hana.ondemand.com');
    expect(await alert.count()).toBe(0);
    const token = panel(page).getByLabel('Token URL');
    await token.fill('http://auth.example/oauth/token');
    await token.press('Enter');
    await expect.poll(() => panel(page).locator('#tenant-tokenUrl-error').textContent()).toMatch(/https:\/\//);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: resolve(SHOTS, 'tenant-editor.png'), fullPage: true });
    // Pathway 1's endpoint is on another host: the rule now says so in its panel.
    await openEdge(page, 1);
    await expect.poll(() => panel(page).locator('[data-code="INBOUND_ENDPOINT_HOST"]').count()).toBe(1);
    // Corrected on the tenant: the finding goes.
    await page.getByTestId('diagram').locator('[data-node="tenant"]').click();
    await panel(page).getByLabel('Runtime host').fill('acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com');
    await panel(page).getByLabel('Runtime host').press('Enter');
    await expect.poll(() => services.landscapes.get(l.id).tenant.runtimeHost).toBe('acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com');
    await openEdge(page, 1);
    await expect.poll(() => panel(page).locator('[data-code="INBOUND_ENDPOINT_HOST"]').count()).toBe(0);
  });
});
