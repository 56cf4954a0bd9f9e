/**
 * "Import integration flows…" in the real renderer: from the picker as a new landscape (preview
 * table, then import, then the diagram), and from the diagram into the open landscape (a hostile
 * archive refused with the reason, nothing changed).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seed002Package, zipBomb } from '../support/iflow-builder';
import { rawTextProblems } from '../support/human-text';
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
    expect(rawTextProblems((await panel.textContent()) ?? '')).toEqual([]);
    // The README's screenshot of the preview is this very page.
    await panel.screenshot({ path: resolve(import.meta.dirname, '../../assets/screenshots/iflow-preview.png') });
    await panel.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acme from iFlows' }).waitFor();
    expect(services.landscapes.get('Acme from iFlows').pathways).toHaveLength(4);
    // Each pathway links back to its iFlows and adapters.
    await page.getByRole('button', { name: /^Pathway 4: / }).click();
    const sources = page.getByTestId('side-panel').getByRole('region', { name: 'From integration flows' });
    expect(await sources.getByRole('listitem').allTextContents()).toEqual([
      'Replicate Account from SAP Sales and Service Cloud Version 2 to SAP S/4HANA → adapter “ToS4” (SOAP)',
      'Replicate Sales Order from SAP Sales and Service Cloud Version 2 to SAP S/4HANA → adapter “ToS4IDoc” (IDoc)',
    ]);
  });

  it('from the diagram: a zip bomb is refused, the package fills in the drawn pathways, a second import changes nothing', async () => {
    const home = makeHome('landscape-iflow-e2e-');
    const bomb = join(home, 'bomb.zip');
    const pkg = join(home, 'acme-package.zip');
    writeFileSync(bomb, zipBomb(8));
    writeFileSync(pkg, seed002Package());
    const chosen = [bomb, pkg, pkg];
    const services = createTestServices(home, { dialogs: { chooseSavePath: async () => null, chooseOpenPath: async () => chosen.shift() ?? null } });
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

    await panel.getByRole('button', { name: `Remove ${bomb}` }).click();
    await panel.getByRole('button', { name: 'Add file…' }).click();
    await panel.getByRole('button', { name: 'Preview' }).click();
    const table = panel.getByRole('table', { name: 'Pathways from the integration flows' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/Changed.*Private key alias: — → acme_sscv2_client/);
    expect(rows[3]).toMatch(/Changed.*Credential name: — → ACME_S4_BASIC/);
    // Field names in the consultant's words, never the model's keys.
    expect(rows.join(' ')).not.toMatch(/keystoreAlias|credentialName|endpoint/);
    expect(rawTextProblems((await panel.textContent()) ?? '')).toEqual([]);
    await panel.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/Imported into “Drawn”: 4 pathways added or changed/);
    const imported = services.landscapes.get('Drawn');
    expect(imported.pathways.map((p) => p.keystoreAlias ?? p.credentialName ?? '')).toEqual(['', 'acme_sscv2_client', '', 'ACME_S4_BASIC']);

    await panel.getByRole('button', { name: 'Add file…' }).click();
    await panel.getByRole('button', { name: 'Preview' }).click();
    await expect.poll(async () => (await table.locator('tbody tr').allTextContents()).map((r) => /Unchanged/.test(r))).toEqual([true, true, true, true]);
    await panel.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toMatch(/“Drawn” already holds these integration flows: nothing changed/);
    expect(services.landscapes.get('Drawn')).toEqual(imported);
  });
});
