/**
 * SFTP and SMTP pathways carry settings of their own (CI's SFTP and Mail adapters): the panel edits
 * them, they are saved through IPC, and they survive a reload.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createTestServices, makeHome } from '../support/test-services';
import { openApp, type OpenedApp } from './harness';

async function openLandscape(page: Page, name: string) {
  const heading = page.getByRole('heading', { level: 1, name });
  if (!(await heading.isVisible())) {
    await page.getByRole('list', { name: 'Landscape list' }).getByRole('button', { name: new RegExp(name) }).first().click();
  }
  await heading.waitFor();
  await page.getByTestId('diagram').getByRole('button', { name: /^Pathway 1: / }).click();
}

describe('protocol options in the direction panel', { timeout: 120_000 }, () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('SMTP protection and the addresses to check persist across a reload', async () => {
    const home = makeHome('landscape-smtp-opts-');
    const services = createTestServices(home);
    const l = services.landscapes.create({ templateId: 'mail-receiver', name: 'Mail' });
    app = await openApp({ home, services });
    await openLandscape(app.page, 'Mail');
    await app.page.locator('#cfg-protection').selectOption('smtps');
    await app.page.locator('#cfg-from').fill('ci@acme.example');
    await app.page.locator('#cfg-from').press('Enter');
    await expect.poll(() => services.landscapes.get(l.id).pathways[0]!.smtp).toEqual({ protection: 'smtps', from: 'ci@acme.example' });
    await app.page.reload();
    await openLandscape(app.page, 'Mail');
    expect(await app.page.locator('#cfg-protection').inputValue()).toBe('smtps');
    expect(await app.page.locator('#cfg-from').inputValue()).toBe('ci@acme.example');
  });

  it('SFTP directory and the write check (off by default) are saved', async () => {
    const home = makeHome('landscape-sftp-opts-');
    const services = createTestServices(home);
    const l = services.landscapes.create({ templateId: 'sftp-receiver', name: 'Files' });
    app = await openApp({ home, services });
    await openLandscape(app.page, 'Files');
    expect(await app.page.locator('#cfg-writeCheck').isChecked()).toBe(false);
    await app.page.locator('#cfg-directory').fill('/inbound/orders');
    await app.page.locator('#cfg-directory').press('Enter');
    await expect.poll(() => services.landscapes.get(l.id).pathways[0]!.sftp?.directory).toBe('/inbound/orders');
    // A controlled checkbox: it shows the saved state once the save has come back.
    await app.page.locator('#cfg-writeCheck').click();
    await expect.poll(() => app!.page.locator('#cfg-writeCheck').isChecked()).toBe(true);
    await expect.poll(() => services.landscapes.get(l.id).pathways[0]!.sftp).toEqual({ directory: '/inbound/orders', writeCheck: true });
  });

  it('clearing a field clears it in the store', async () => {
    const home = makeHome('landscape-clear-');
    const services = createTestServices(home);
    const l = services.landscapes.create({ templateId: 's4-sscv2', name: 'Clear' });
    // Pathway 4 (CI → S/4HANA, Basic): an outbound credential is named in CI, so the field is shown.
    const pathway = l.pathways.find((p) => p.number === 4)!;
    services.landscapes.updatePathway(l.id, pathway.id, { credentialName: 'S4_TO_CI' });
    app = await openApp({ home, services });
    await openLandscape(app.page, 'Clear');
    await app.page.getByTestId('diagram').getByRole('button', { name: /^Pathway 4: / }).click();
    expect(await app.page.locator('#cfg-credentialName').inputValue()).toBe('S4_TO_CI');
    await app.page.locator('#cfg-credentialName').fill('');
    await app.page.locator('#cfg-credentialName').press('Enter');
    await expect.poll(() => services.landscapes.get(l.id).pathways.find((p) => p.number === 4)!.credentialName).toBeUndefined();
  });
});
