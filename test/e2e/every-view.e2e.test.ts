/**
 * Every view and panel, read in Chromium as a consultant sees it: the diagram, each direction panel
 * after its probe (passed, failed on CI's trust, not probed through the Cloud Connector), the tenant
 * and a system, Credentials, Certificates, Settings. In each state, in light and dark: the rendered
 * text (innerText, accessible names, titles) has no raw code and no ISO timestamp, and axe-core finds
 * no serious or critical violation.
 */
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';
import { seriousViolations } from './axe-check';
import { createTestServices, makeHome } from '../support/test-services';
import { rawTextProblems } from '../support/human-text';
import { setUpS4Sscv2, type S4Fixture } from '../integration/probes/s4-sscv2-fixture';

let app: OpenedApp;
let fx: S4Fixture;
const problems: string[] = [];
const violations: string[] = [];
const visited: string[] = [];

beforeAll(async () => {
  const home = makeHome('landscape-e2e-every-view-');
  const services = createTestServices(home);
  fx = await setUpS4Sscv2(services, 'Every View');
  const l = services.landscapes.get(fx.landscapeId);
  // Pathway 2: CI's keystore lacks the root (PKIX); pathway 4 goes through the Cloud Connector.
  services.landscapes.update(l.id, { ciKeystore: l.ciKeystore.filter((e) => e.kind === 'key-pair'), caCertificates: [{ label: 'Test root', pem: fx.pki.root.certPem, fingerprintSha256: new X509Certificate(fx.pki.root.certPem).fingerprint256 }] });
  const p4 = l.pathways.find((p) => p.number === 4)!;
  services.landscapes.updatePathway(l.id, p4.id, { endpoint: 'http://s4-virtual:8000/sap/opu/odata/sap/API_PRODUCT_SRV', credentialName: 'S4_BASIC', proxy: { type: 'on-premise', locationId: 'LOC1', virtualHost: 's4-virtual:8000' } });
  app = await openApp({ home, services });
  await app.page.locator('[data-edge="4"]').waitFor();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await fx?.nginx.stop();
});

/** Everything a user reads or hears: the text, accessible names and tooltips. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const d = (globalThis as unknown as { document: { body: { innerText: string }; querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null }> } }).document;
    const attrs = Array.from(d.querySelectorAll('[aria-label], [title], [placeholder]')).flatMap((e) => [e.getAttribute('aria-label'), e.getAttribute('title'), e.getAttribute('placeholder')]);
    return [d.body.innerText, ...attrs.filter(Boolean)].join('\n');
  });
}

async function check(where: string) {
  const page = app.page;
  visited.push(where);
  problems.push(...rawTextProblems(await visibleText(page)).map((p) => `${where}: ${p}`));
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    violations.push(...(await seriousViolations(page, `${where} (${scheme})`)));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

const panel = (page: Page) => page.getByTestId('side-panel');

describe('every view, its text and its accessibility', { timeout: 240_000 }, () => {
  it('the diagram, and each direction panel after its probe', async () => {
    const page = app.page;
    await check('diagram');
    const expected: Record<number, string> = { 1: 'passed', 2: 'failed', 3: 'passed', 4: 'not-probed' };
    for (const n of [1, 2, 3, 4]) {
      await page.getByRole('button', { name: new RegExp(`^Pathway ${n}: `) }).click();
      const probe = panel(page).getByTestId('probe-panel');
      await probe.getByRole('button', { name: 'Probe', exact: true }).click();
      await expect.poll(() => probe.locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 20_000 }).toBe(expected[n]);
      await check(`pathway ${n} after its probe`);
    }
    // The Cloud Connector pathway says what was checked, and not "passed".
    const p4 = panel(page).getByTestId('probe-panel');
    expect(await p4.textContent()).toContain('Not probed from the laptop');
    expect(await p4.textContent()).toContain('Checked instead');
    expect(await p4.textContent()).not.toMatch(/Passed/);
    await page.locator('[data-node]').first().click();
    await check('tenant panel');
    await page.locator('[data-node]').nth(1).click();
    await check('system panel');
  });

  it('Credentials, Certificates and Settings', async () => {
    const page = app.page;
    for (const view of ['Credentials', 'Certificates', 'Settings']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: view }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(view) }).first().waitFor();
      await check(view);
    }
  });

  it('no raw code or ISO timestamp in any text, no serious or critical axe violation', () => {
    expect(visited.length).toBeGreaterThanOrEqual(10);
    expect({ problems, violations }).toEqual({ problems: [], violations: [] });
  });
});
