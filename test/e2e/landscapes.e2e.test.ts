/**
 * The landscape picker in Chromium over the real handlers: empty at first, create from the
 * s4-sscv2 template, it appears, and it survives a reload and a restart (fresh services, same home).
 */
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeHome } from '../support/test-services';
import { buildPickerPage } from './landscapes-picker-page';
import type * as HarnessModule from './harness';

type Harness = typeof HarnessModule;
let harness: Harness;
const out = join(import.meta.dirname, '../../.tmp/out-landscapes-picker');

beforeAll(async () => {
  await buildPickerPage(out);
  // The harness serves <LANDSCAPE_OUT>/renderer, read when it loads: point it at the picker page.
  process.env.LANDSCAPE_OUT = out;
  harness = await import('./harness');
}, 60_000);

// Chromium start-up and a restart on a loaded 2-core machine.
const SLOW = 180_000;

describe('landscape picker (e2e)', () => {
  let app: Awaited<ReturnType<Harness['openApp']>> | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  }, SLOW);

  it('lists nothing, creates from s4-sscv2, shows it, keeps it across reload and restart', async () => {
    const home = makeHome('landscape-e2e-');
    app = await harness.openApp({ home });
    const page = app.page;
    await page.getByText('No landscapes yet').waitFor();
    await page.getByLabel('Template').selectOption('s4-sscv2');
    await page.getByLabel('Name', { exact: true }).fill('ACME');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    const list = page.getByRole('list', { name: 'Landscape list' });
    await list.getByRole('button', { name: 'ACME', exact: true }).waitFor();
    await expect.poll(() => list.textContent()).toContain('2 systems · 4 pathways');
    expect(await page.getByTestId('selected').textContent()).toBe(app.services.landscapes.list()[0]!.id);

    await page.reload();
    await page.getByRole('list', { name: 'Landscape list' }).getByRole('button', { name: 'ACME', exact: true }).waitFor();
    await app.close();

    app = await harness.openApp({ home });
    await app.page.getByRole('list', { name: 'Landscape list' }).getByRole('button', { name: 'ACME', exact: true }).waitFor();
    expect(app.services.landscapes.show('ACME').pathways.map((p) => p.auth)).toEqual(['basic', 'client-certificate', 'client-certificate', 'basic']);
  }, SLOW);

  it('renames, duplicates, refuses a taken name with the field, and deletes only after confirming', async () => {
    app = await harness.openApp();
    app.services.landscapes.create({ templateId: 'blank', name: 'One' });
    const page = app.page;
    await page.reload();
    const list = page.getByRole('list', { name: 'Landscape list' });
    await page.getByRole('button', { name: 'Rename One' }).click();
    await page.getByLabel('New name').fill('Uno');
    await page.getByRole('button', { name: 'Save name' }).click();
    await list.getByRole('button', { name: 'Uno', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Duplicate Uno' }).click();
    await page.getByLabel('Name of the copy').fill('Uno');
    await page.getByRole('button', { name: 'Create copy' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/^A landscape named "Uno" already exists\.$/);
    await page.getByLabel('Name of the copy').fill('Dos');
    await page.getByRole('button', { name: 'Create copy' }).click();
    await list.getByRole('button', { name: 'Dos', exact: true }).waitFor();

    await page.getByRole('button', { name: 'Delete Uno' }).click();
    await page.getByRole('status').filter({ hasText: 'cannot be undone' }).waitFor();
    expect(app.services.landscapes.list().map((l) => l.name)).toEqual(['Dos', 'Uno']);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect.poll(() => app!.services.landscapes.list().map((l) => l.name)).toEqual(['Dos']);
    await expect.poll(() => list.getByRole('button', { name: 'Uno', exact: true }).count()).toBe(0);
  }, SLOW);
});
