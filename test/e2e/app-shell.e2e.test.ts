import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type OpenedApp } from './harness';

describe('app shell in Chromium through the test bridge', () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('shows the five navigation entries', async () => {
    app = await openApp();
    const nav = app.page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Landscape', 'Credentials', 'Certificates', 'Trust', 'Settings']) {
      await nav.getByRole('button', { name }).waitFor({ state: 'visible' });
    }
    expect(await nav.getByRole('button').count()).toBe(5);
  });

  it('Settings shows the real data directory and keychain status from main', async () => {
    app = await openApp();
    await app.page.getByRole('button', { name: 'Settings' }).click();
    await expect.poll(() => app!.page.getByTestId('data-dir').textContent()).toBe(app.home);
    await expect.poll(() => app!.page.getByTestId('keychain-status').textContent()).toMatch(/^✔ available/);
    // The README's Settings screenshot is this very page.
    // The temporary data directory differs every run: it is masked so the committed image only
    // changes when the page does.
    await app.page.screenshot({ path: 'assets/screenshots/settings.png', mask: [app.page.getByTestId('data-dir')], maskColor: '#d5dae3' });
  });
});
