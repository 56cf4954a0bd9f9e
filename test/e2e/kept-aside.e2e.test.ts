/**
 * A corrupt data file is kept aside and reported, and the app keeps running: the user sees the
 * banner on start, the old bytes are untouched, and a new landscape can be created at once.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeHome } from '../support/test-services';
import { openApp, type OpenedApp } from './harness';

const GARBAGE = '{"schemaVersion": 2, "landscapes": [ {"name": "Acme"'; // cut off mid-write

describe('a corrupt landscapes.json', { timeout: 120_000 }, () => {
  let app: OpenedApp | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is kept aside byte for byte, reported in a banner and by info, and the app goes on', async () => {
    const home = makeHome('landscape-corrupt-');
    writeFileSync(join(home, 'landscapes.json'), GARBAGE);
    app = await openApp({ home });
    const banner = app.page.getByTestId('kept-aside');
    await banner.waitFor({ state: 'visible' });
    expect(await banner.textContent()).toMatch(/landscapes\.json → kept as landscapes\.corrupt-.+\.json/);
    const kept = readdirSync(home).filter((f) => f.startsWith('landscapes.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(home, kept[0]!), 'utf8')).toBe(GARBAGE);

    const info = await app.services.appInfo.info();
    expect(info.keptAside).toEqual([{ document: 'landscapes.json', keptAs: kept[0] }]);

    // The app still works: a landscape can be created and is saved to a fresh file.
    app.services.landscapes.create({ templateId: 's4-sscv2', name: 'After the crash' });
    expect(existsSync(join(home, 'landscapes.json'))).toBe(true);
    expect(readFileSync(join(home, 'landscapes.json'), 'utf8')).toContain('After the crash');
  });
});
