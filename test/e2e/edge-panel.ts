/**
 * The direction panel as the protocol e2e tests drive it: open pathway 1's edge, commit a field
 * (fill + Enter, as a consultant does), press Probe and wait for the verdict, read the steps shown.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

export const panel = (page: Page) => page.getByTestId('side-panel');

export async function openEdge(page: Page) {
  await page.locator('[data-edge="1"]').waitFor();
  await page.getByRole('button', { name: /^Pathway 1: / }).click();
  await expect.poll(() => panel(page).getByRole('heading', { level: 2 }).textContent()).toMatch(/^Pathway 1: /);
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
