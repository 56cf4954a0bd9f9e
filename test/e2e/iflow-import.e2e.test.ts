/**
 * "Import integration flows…" in the real renderer: from the picker as a new landscape (preview
 * table, then import, then the diagram), and from the diagram into the open landscape (a hostile
 * archive refused with the reason, nothing changed).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seed002Package, zipBomb } from '../support/iflow-builder';
import { createTestServices, makeHome } from '../support/test-services';
import { openApp, type OpenedApp } from './harness';

describe('Import integration flows in the app', { timeout: 180_000 }, () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('previews the package as a table, imports it as a new landscape and draws its four pathways', async () => {
    const home = makeHome('landscape-iflow-e2e-');
    const pkg = join(home, 'acme-package.zip');
    writeFileSync(pkg, seed002Package());
    const services = createTestServices(home, { dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => pkg } });
    app = await openApp({ home, services });
    const page = app.page;
    await page.getByRole('button', { name: 'Import integration flows…' }).first().click();
    const panel = page.getByRole('region', { name: 'Import integration flows' });
    await panel.getByRole('button', { name: 'Add file…' }).click();
    await panel.getByRole('listitem').filter({ hasText: 'acme-package.zip' }).waitFor();
    await panel.getByLabel('Name of the new landscape').fill('Acme from iFlows');
    await panel.getByRole('button', { name: 'Preview' }).click();
    const table = panel.getByRole('table', { name: 'Pathways from the integration flows' });
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(4);
    expect(await table.locator('tbody tr').nth(3).textContent()).toMatch(/Cloud Integration → SAP_S4HANA.*ACME_S4_BASIC.*Replicate Account.*→ ToS4 \(SOAP\)/);
    expect(await panel.getByRole('table', { name: 'Security material by name' }).textContent()).toMatch(/acme_sscv2_client.*Missing/);
    expect(services.landscapes.list()).toEqual([]);
    await page.screenshot({ path: join(home, 'iflow-preview.png'), fullPage: true });
    await panel.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acme from iFlows' }).waitFor();
    expect(services.landscapes.get('Acme from iFlows').pathways).toHaveLength(4);
  });

  it('from the diagram: a zip bomb is refused with its reason and the landscape is unchanged', async () => {
    const home = makeHome('landscape-iflow-e2e-');
    const bomb = join(home, 'bomb.zip');
    writeFileSync(bomb, zipBomb(8));
    const services = createTestServices(home, { dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => bomb } });
    const before = services.landscapes.create({ templateId: 's4-sscv2', name: 'Drawn' });
    app = await openApp({ home, services });
    const page = app.page;
    await page.getByRole('heading', { level: 1, name: 'Drawn' }).waitFor();
    await page.getByRole('toolbar', { name: 'Edit the landscape' }).getByRole('button', { name: 'Import integration flows…' }).click();
    const panel = page.getByRole('region', { name: 'Import integration flows' });
    await panel.getByRole('button', { name: 'Add file…' }).click();
    await panel.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/bomb\.zip was refused: .*zip bomb/);
    expect(services.landscapes.get('Drawn')).toEqual(before);
  });
});
