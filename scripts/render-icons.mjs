// Rasterises assets/icon.svg into the PNG sizes electron-builder wants, with Debian's Chromium.
// Run by hand after changing the SVG: node scripts/render-icons.mjs (the PNGs are committed).
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const svg = readFileSync('assets/icon.svg', 'utf8');
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'icons-')), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const page = context.pages()[0] ?? (await context.newPage());
mkdirSync('assets/icons', { recursive: true });
for (const size of [16, 32, 48, 64, 128, 256, 512]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`);
  await page.screenshot({ path: `assets/icons/${size}x${size}.png`, omitBackground: true });
}
await page.setViewportSize({ width: 512, height: 512 });
await page.screenshot({ path: 'assets/icon.png', omitBackground: true });
await context.close();
console.log('icons written to assets/');
