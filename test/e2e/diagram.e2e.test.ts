import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';
import { makeHome } from '../support/test-services';

const SCREENSHOTS = resolve(import.meta.dirname, '../../assets/screenshots');

/** Creates a landscape through the landscape picker, then sets its stage in the diagram toolbar. */
async function createFromTemplate(page: Page, name: string, stage: 'development' | 'production' = 'development') {
  const form = page.getByRole('form', { name: 'Create a landscape' });
  await form.getByLabel('Template').selectOption('s4-sscv2');
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.locator('[data-edge="4"]').waitFor();
  if (stage !== 'development') {
    await page.getByRole('combobox', { name: /^Stage/ }).selectOption(stage);
    await expect.poll(() => page.getByRole('combobox', { name: /^Stage/ }).inputValue()).toBe(stage);
  }
}

const edge = (page: Page, n: number) => page.getByRole('button', { name: new RegExp(`^Pathway ${n}: `) });
const panel = (page: Page) => page.getByTestId('side-panel');

async function openEdge(page: Page, n: number) {
  await edge(page, n).click();
  await expect.poll(() => panel(page).getByRole('heading', { level: 2 }).textContent()).toMatch(new RegExp(`^Pathway ${n}: `));
}

describe('the four-pathway diagram in Chromium', { timeout: 120_000 }, () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('draws a landscape created from s4-sscv2: three nodes and four numbered, directed edges', async () => {
    app = await openApp();
    await createFromTemplate(app.page, 'Seed 002');
    const diagram = app.page.getByTestId('diagram');
    await expect.poll(() => diagram.locator('[data-node]').count()).toBe(3);
    await expect.poll(() => diagram.locator('[data-edge]').count()).toBe(4);
    expect(await diagram.locator('[data-edge]').evaluateAll((els) => els.map((e) => e.getAttribute('data-edge')))).toEqual(['1', '2', '3', '4']);
    expect(await edge(app.page, 1).getAttribute('aria-label')).toMatch(/^Pathway 1: SAP S\/4HANA to Cloud Integration, inbound, HTTPS, Basic authentication, /);
    expect(await edge(app.page, 2).getAttribute('aria-label')).toMatch(/^Pathway 2: Cloud Integration to SAP Sales and Service Cloud V2, outbound, HTTPS, Client certificate authentication, /);
    expect(await edge(app.page, 4).getAttribute('aria-label')).toMatch(/through the Cloud Connector/);
    // Each edge is drawn in the direction of flow with its own arrowhead.
    const markers = await diagram.locator('.edge-line').evaluateAll((els) => els.map((e) => e.getAttribute('marker-end')));
    expect(markers.every((m) => m?.startsWith('url(#arrow-'))).toBe(true);
  });

  it('edge 1 opens inbound with the BTP cockpit steps, edge 2 outbound with the Cloud Integration Monitor steps', async () => {
    app = await openApp();
    await createFromTemplate(app.page, 'Seed 002');
    await openEdge(app.page, 1);
    const p = panel(app.page);
    expect(await p.getByTestId('direction-line').textContent()).toMatch(/^Inbound: SAP S\/4HANA calls Cloud Integration .*Cloud Integration is the server/);
    const where = p.getByTestId('maintained-where');
    expect(await where.locator('[data-place]').first().getAttribute('data-place')).toBe('btp-cockpit');
    expect(await where.textContent()).toContain('Process Integration Runtime instance');
    expect(await where.textContent()).toContain('Space Developer');
    await openEdge(app.page, 2);
    expect(await p.getByTestId('direction-line').textContent()).toMatch(/^Outbound: Cloud Integration calls SAP Sales and Service Cloud V2 .*Cloud Integration is the client/);
    expect(await where.locator('[data-place]').first().getAttribute('data-place')).toBe('ci-monitor');
    expect(await where.textContent()).toContain('Cloud Integration → Monitor → Manage Security');
    expect(await where.textContent()).toContain('Keystore key pair');
    expect(await where.textContent()).not.toContain('Process Integration Runtime instance');
    await expect.poll(() => p.getByRole('button', { name: 'Probe' }).isDisabled()).toBe(true);
  });

  it('reaches edge 3 with the keyboard, opens it with Enter and closes it with Escape', async () => {
    app = await openApp();
    await createFromTemplate(app.page, 'Seed 002');
    await app.page.locator('body').focus();
    let label = '';
    for (let i = 0; i < 40 && !label.startsWith('Pathway 3:'); i++) {
      await app.page.keyboard.press('Tab');
      label = String(await app.page.evaluate("document.activeElement?.getAttribute('aria-label') ?? ''"));
    }
    expect(label).toMatch(/^Pathway 3: SAP Sales and Service Cloud V2 to Cloud Integration, inbound/);
    await app.page.keyboard.press('Enter');
    await expect.poll(() => panel(app!.page).getByRole('heading', { level: 2 }).textContent()).toMatch(/^Pathway 3: /);
    await app.page.keyboard.press('Escape');
    await expect.poll(() => panel(app!.page).count()).toBe(0);
    // Focus returns to the edge, so Space opens it again.
    await app.page.keyboard.press(' ');
    await expect.poll(() => panel(app!.page).getByRole('heading', { level: 2 }).textContent()).toMatch(/^Pathway 3: /);
  });

  it("changing edge 3's authentication and ticking a step persist across a reload", async () => {
    const home = makeHome('landscape-e2e-');
    app = await openApp({ home });
    await createFromTemplate(app.page, 'Seed 002');
    await openEdge(app.page, 3);
    await panel(app.page).getByLabel('Authentication', { exact: true }).selectOption('basic');
    await expect.poll(() => edge(app!.page, 3).getAttribute('aria-label')).toMatch(/HTTPS, Basic authentication/);
    await panel(app.page).getByRole('checkbox', { name: /Process Integration Runtime instance/ }).check();
    await expect.poll(() => panel(app!.page).getByRole('checkbox', { name: /Process Integration Runtime instance/ }).isChecked()).toBe(true);
    await app.page.reload();
    await edge(app.page, 3).waitFor();
    expect(await edge(app.page, 3).getAttribute('aria-label')).toMatch(/HTTPS, Basic authentication/);
    await openEdge(app.page, 3);
    expect(await panel(app.page).getByLabel('Authentication', { exact: true }).inputValue()).toBe('basic');
    expect(await panel(app.page).getByRole('checkbox', { name: /Process Integration Runtime instance/ }).isChecked()).toBe(true);
    const stored = app.services.landscapes.list()[0]!;
    expect(app.services.landscapes.get(stored.id).pathways.find((p) => p.number === 3)!.auth).toBe('basic');
  });

  it('shows a refused change under the field it names, and marks that field invalid', async () => {
    app = await openApp();
    await createFromTemplate(app.page, 'Seed 002');
    await openEdge(app.page, 2);
    const alias = panel(app.page).getByLabel('Private key alias (CI)');
    await alias.fill('sap_mine');
    await alias.press('Enter');
    const alert = panel(app.page).getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/SAP-owned alias/);
    // The message sits under its field (named once, by the field's label), and the field is marked.
    expect(await alert.getAttribute('id')).toBe('cfg-keystoreAlias-error');
    expect(await alias.getAttribute('aria-invalid')).toBe('true');
    expect(await alias.getAttribute('aria-describedby')).toBe('cfg-keystoreAlias-error');
    expect(await alert.textContent()).not.toMatch(/^Private key alias/);
  });

  it('a production landscape shows the Basic-authentication warning on edges 1 and 4 only', async () => {
    app = await openApp();
    await createFromTemplate(app.page, 'Go-live', 'production');
    for (const n of [1, 2, 3, 4]) {
      await openEdge(app.page, n);
      const codes = await panel(app.page).locator('[data-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-code')));
      expect(codes.includes('PRODUCTION_BASIC_AUTH'), `edge ${n}`).toBe(n === 1 || n === 4);
      if (n === 1 || n === 4) {
        expect(await panel(app.page).locator('[data-code="PRODUCTION_BASIC_AUTH"]').textContent()).toMatch(/Warning:.*Basic authentication in a production landscape.*Fix in/);
        expect(await edge(app.page, n).getAttribute('aria-label')).toMatch(/, warning$/);
      }
    }
  });

  it('adds a system from the catalogue and a pathway, removes both with confirmation, and keeps it after a reload', async () => {
    app = await openApp();
    await createFromTemplate(app.page, 'Edit me');
    const page = app.page;
    await page.getByRole('button', { name: 'Add system' }).click();
    const sys = page.getByRole('form', { name: 'Add a system' });
    await sys.getByLabel('System from the catalogue').selectOption('sftp-server');
    await sys.getByLabel('Name').fill('Partner SFTP');
    await sys.getByRole('button', { name: 'Add system' }).click();
    await page.locator('[data-node]').nth(3).waitFor();
    await page.getByRole('button', { name: 'Add pathway' }).click();
    const pw = page.getByRole('form', { name: 'Add a pathway' });
    await pw.getByLabel('From').selectOption({ label: 'Cloud Integration' });
    await pw.getByLabel('To').selectOption({ label: 'Partner SFTP' });
    expect(await pw.getByTestId('new-direction').textContent()).toBe('Direction: outbound');
    await pw.getByRole('button', { name: 'Add pathway' }).click();
    await edge(page, 5).waitFor();
    expect(await edge(page, 5).getAttribute('aria-label')).toMatch(/^Pathway 5: Cloud Integration to Partner SFTP, outbound, SFTP, /);
    await page.reload();
    await edge(page, 5).waitFor();
    await openEdge(page, 5);
    await panel(page).getByRole('button', { name: 'Remove pathway 5…' }).click();
    await panel(page).getByRole('button', { name: 'Remove pathway 5', exact: true }).click();
    await expect.poll(() => page.locator('[data-edge]').count()).toBe(4);
    await page.getByRole('button', { name: /^Partner SFTP, / }).click();
    await panel(page).getByRole('button', { name: 'Remove Partner SFTP…' }).click();
    await panel(page).getByRole('button', { name: 'Remove Partner SFTP', exact: true }).click();
    await expect.poll(() => page.locator('[data-node]').count()).toBe(3);
    await page.reload();
    await edge(page, 4).waitFor();
    expect(await page.locator('[data-node]').count()).toBe(3);
    expect(await page.locator('[data-edge]').count()).toBe(4);
  });

  it('writes the README screenshots of the template diagram, light and dark, at 1280×800', async () => {
    const home = makeHome('landscape-shots-');
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const scheme of ['light', 'dark'] as const) {
      app = await openApp({ home, colorScheme: scheme, viewport: { width: 1280, height: 800 } });
      if (scheme === 'light') await createFromTemplate(app.page, 'S/4HANA and Sales and Service Cloud V2');
      await edge(app.page, 4).waitFor();
      expect(await app.page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches")).toBe(scheme === 'dark');
      await openEdge(app.page, 1);
      await app.page.screenshot({ path: resolve(SCREENSHOTS, `diagram-${scheme}.png`) });
      await app.close();
      app = undefined;
    }
  });
});
