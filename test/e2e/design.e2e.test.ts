/**
 * The finished look, measured in Chromium: the diagram's focus ring stays on the focused shape
 * (the global outline once boxed whole groups across neighbours), the handover success is in the
 * success colour (its class was undefined), the sidebar collapses below 1100 px, diagram text is
 * never drawn under 11 px, and the toolbar's buttons do not move while Probe all runs and reports.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';
import type { PageElement, PageGlobals } from './page-globals';
import { createTestServices, makeHome } from '../support/test-services';

let app: OpenedApp;

beforeAll(async () => {
  const home = makeHome('landscape-e2e-design-');
  const services = createTestServices(home, {
    dialogs: { chooseSavePath: async ({ defaultName }) => join(home, defaultName ?? 'x.md'), chooseOpenPath: async () => null },
  });
  services.landscapes.create({ templateId: 's4-sscv2', name: 'Design Check' });
  app = await openApp({ home, services });
  await app.page.locator('[data-edge="4"]').waitFor();
});
afterAll(async () => {
  await app?.close();
});

/** The value of a CSS variable as the browser resolves a colour (rgb(…)). */
async function tokenColour(name: string): Promise<string> {
  return app.page.evaluate((n) => {
    const { document, getComputedStyle } = globalThis as unknown as PageGlobals;
    const probe = document.createElement('span');
    probe.style.color = `var(${n})`;
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  }, name);
}

describe('the design system in the app', { timeout: 60_000 }, () => {
  it('a focused diagram node draws no outline box, its shape shows the focus', async () => {
    const node = app.page.locator('[data-node]').first();
    await app.page.locator('body').focus();
    await app.page.keyboard.press('Tab');
    for (let i = 0; i < 20 && !(await node.evaluate((n) => n === (globalThis as unknown as PageGlobals).document.activeElement)); i++) await app.page.keyboard.press('Tab');
    expect(await node.evaluate((n) => n === (globalThis as unknown as PageGlobals).document.activeElement)).toBe(true);
    expect(await node.evaluate((n) => (globalThis as unknown as PageGlobals).getComputedStyle(n).outlineStyle)).toBe('none');
    expect(await node.locator('.node-box').evaluate((r) => (globalThis as unknown as PageGlobals).getComputedStyle(r).strokeWidth)).toBe('3px');
  });

  it('the handover success message is in the success colour', async () => {
    await app.page.getByRole('button', { name: 'Export handover…' }).click();
    const status = app.page.getByTestId('handover-status');
    await expect.poll(() => status.textContent()).toMatch(/^Handover written to /);
    expect(await status.evaluate((s) => (globalThis as unknown as PageGlobals).getComputedStyle(s).color)).toBe(await tokenColour('--success'));
    expect(await tokenColour('--success')).not.toBe(await tokenColour('--text'));
  });

  it('the toolbar does not reflow while Probe all runs and reports', async () => {
    const toolbar = app.page.getByRole('toolbar', { name: 'Edit the landscape' });
    const boxes = () => toolbar.locator(':scope > button, .probe-all-slot').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return `${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.height)}`; }));
    const before = await boxes();
    const height = await toolbar.evaluate((t) => t.getBoundingClientRect().height);
    await toolbar.getByRole('button', { name: 'Probe all' }).click();
    await expect.poll(() => toolbar.getByTestId('probe-all').getByRole('status').textContent(), { timeout: 20_000 }).toBe('4 of 4 probed');
    expect(await boxes()).toEqual(before);
    expect(await toolbar.evaluate((t) => t.getBoundingClientRect().height)).toBe(height);
  });

  it('below 1100 px the sidebar keeps its icons only, with the labels as names', async () => {
    await app.page.setViewportSize({ width: 1000, height: 760 });
    const nav = app.page.getByRole('navigation', { name: 'Main' });
    await expect.poll(() => nav.evaluate((n) => n.getBoundingClientRect().width)).toBeLessThanOrEqual(64);
    expect(await nav.getByRole('button', { name: 'Credentials' }).isVisible()).toBe(true);
    await app.page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => nav.evaluate((n) => n.getBoundingClientRect().width)).toBeGreaterThan(150);
  });

  it('at 960 px wide no diagram text is drawn under 11 px', async () => {
    await app.page.setViewportSize({ width: 960, height: 720 });
    const smallest = await app.page.getByTestId('diagram').evaluate((svg) => {
      const { getComputedStyle } = globalThis as unknown as PageGlobals;
      const s = svg as unknown as PageElement;
      const scale = s.getBoundingClientRect().width / s.viewBox!.baseVal.width;
      return Math.min(...Array.from(s.querySelectorAll('text')).map((t) => parseFloat(getComputedStyle(t).fontSize) * scale));
    });
    await app.page.setViewportSize({ width: 1280, height: 800 });
    expect(smallest).toBeGreaterThanOrEqual(11);
  });
});
