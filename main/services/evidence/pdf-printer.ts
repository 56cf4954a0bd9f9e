/**
 * Printing the report to PDF is an injected effect: Electron's `webContents.printToPDF` in the
 * app (main/shell), Debian's Chromium through playwright-core in the tests and the CLI. The page
 * is loaded with every request refused, so printing proves the report needs no network.
 */
import { existsSync } from 'node:fs';
import type * as Playwright from 'playwright-core';

export type PdfPrinter = (html: string) => Promise<Buffer>;

export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The first Chromium found (CHROMIUM_PATH first), or undefined. */
export function findChromium(env: Record<string, string | undefined>): string | undefined {
  return [env.CHROMIUM_PATH, ...CHROMIUM_CANDIDATES].find((p): p is string => !!p && existsSync(p));
}

/** A printer over a headless Chromium; playwright-core is loaded only when a PDF is asked for. */
export function chromiumPdfPrinter(executablePath: string): PdfPrinter {
  return async (html) => {
    let pw: typeof Playwright;
    try {
      pw = await import('playwright-core');
    } catch {
      throw new Error('PDF printing needs playwright-core, which is not installed with this build');
    }
    const browser = await pw.chromium.launch({ executablePath, args: ['--no-sandbox'] });
    try {
      const context = await browser.newContext({ offline: true });
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
    } finally {
      await browser.close();
    }
  };
}
