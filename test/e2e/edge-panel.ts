/**
 * The direction panel as the protocol e2e tests drive it: a landscape prepared from a template and
 * opened on a pathway's edge (1 unless told), commit a field (fill + Enter, as a consultant does), press Probe and
 * wait for the verdict, read the steps shown.
 */
import { X509Certificate } from 'node:crypto';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp } from './harness';
import { createTestServices, makeHome } from '../support/test-services';

export const panel = (page: Page) => page.getByTestId('side-panel');

export async function openEdge(page: Page, n = 1) {
  await page.locator(`[data-edge="${n}"]`).waitFor();
  await page.getByRole('button', { name: new RegExp(`^Pathway ${n}: `) }).click();
  await expect.poll(() => panel(page).getByRole('heading', { level: 2 }).textContent()).toMatch(new RegExp(`^Pathway ${n}: `));
}

export async function probeOnce(page: Page, verdict: string) {
  const probe = panel(page).getByTestId('probe-panel');
  await probe.getByRole('button', { name: 'Probe', exact: true }).click();
  await expect.poll(() => probe.locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 20_000 }).toBe(verdict);
  return probe;
}

export async function commit(page: Page, id: string, value: string) {
  const input = panel(page).locator(`#${id}`);
  await input.fill(value);
  await input.press('Enter');
}

export const stepsOf = (probe: ReturnType<Page['getByTestId']>) => probe.locator('[data-step]').evaluateAll((els) => els.map((e) => e.getAttribute('data-step')));

/**
 * A landscape from `templateId` whose pathway 1 uses a vault credential (user + password) and whose
 * modelled CI keystore holds the test root, opened in the app on pathway 1's edge. The caller closes
 * `app`.
 */
export async function openPrepared(o: { templateId: string; name: string; user: string; password: string; rootPem: string }) {
  const home = makeHome(`landscape-e2e-${o.templateId}-`);
  const s = createTestServices(home);
  const l = s.landscapes.create({ templateId: o.templateId, name: o.name });
  const cred = await s.vault.create({ kind: 'basic', label: `${o.name} user`, meta: { user: o.user }, secret: { password: o.password } });
  s.landscapes.updatePathway(l.id, l.pathways[0]!.id, { credentialId: cred.id });
  const root = new X509Certificate(o.rootPem);
  s.landscapes.update(l.id, { ciKeystore: [{ alias: 'test root', kind: 'certificate', pem: o.rootPem, fingerprintSha256: root.fingerprint256 }] });
  const app = await openApp({ home, services: s });
  await openEdge(app.page);
  return { s, l, app, page: app.page, home };
}
