import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestServices, makeHome } from '../support/test-services';
import { openApp, type OpenedApp } from './harness';

describe('Export handover from the diagram', { timeout: 120_000 }, () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('writes the Markdown handover to the path chosen in the save dialog', async () => {
    const home = makeHome('landscape-handover-');
    const services = createTestServices(home, {
      dialogs: {
        chooseSavePath: async ({ defaultName }) => join(home, defaultName ?? 'x.md'),
        chooseOpenPath: async () => null,
      },
    });
    services.landscapes.create({ templateId: 's4-sscv2', name: 'Acme Handover' });
    app = await openApp({ home, services });
    const page = app.page;
    if (!(await page.getByRole('heading', { level: 1, name: 'Acme Handover' }).isVisible())) {
      await page.getByRole('button', { name: /Acme Handover/ }).first().click();
    }
    await page.getByRole('heading', { level: 1, name: 'Acme Handover' }).waitFor();
    await page.getByRole('button', { name: 'Export handover…' }).click();
    const file = join(home, 'Acme-Handover-handover.md');
    await expect.poll(() => page.getByTestId('handover-status').textContent()).toBe(`Handover written to ${file}`);
    const md = readFileSync(file, 'utf8');
    expect(md).toContain('# Handover: Acme Handover');
    expect(md).toContain('## BTP cockpit');
  });
});
