/**
 * The e2e harness every browser test uses: the built renderer in Debian's Chromium, with a test
 * bridge in place of the preload that calls the REAL main-process handlers for `home`.
 *
 *   const app = await openApp({ home });            // or openApp() for a fresh data directory
 *   await app.page.getByRole('button', { name: 'Settings' }).click();
 *   ...
 *   await app.close();
 *
 * Needs `npm run build` first (the renderer is served from out/renderer).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { apiMethodsPlugin } from '../../scripts/api-methods-plugin.mjs';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { CompositionInput, Services } from '../../main/composition';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { createEventHub, type EventHub } from '../../main/ipc/event-hub';
import { createHandlers } from '../../main/ipc/handlers';
import type { FileDialogs } from '../../main/services/user-paths';
import { createTestServices, makeHome } from '../support/test-services';
import { serveDirectory } from './static-server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RENDERER_DIR = resolve(process.env.LANDSCAPE_OUT ?? resolve(import.meta.dirname, '../../out'), 'renderer');

export interface OpenAppOptions {
  /** The data directory (LANDSCAPE_HOME); a fresh temporary one when omitted. */
  home?: string;
  /** Reuse services (e.g. to share a keychain wrapper with the test); built for `home` otherwise. */
  services?: Services;
  overrides?: Partial<CompositionInput>;
  /**
   * Answers the native file dialogs (there is no native dialog in Chromium). Default: the user
   * accepts the suggested name in <home>/exports/ when saving, and cancels when opening.
   */
  dialogs?: FileDialogs;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  deviceScaleFactor?: number;
}

export interface OpenedApp {
  page: Page;
  context: BrowserContext;
  services: Services;
  hub: EventHub;
  home: string;
  close(): Promise<void>;
}

let bridgeScript: Promise<string> | undefined;

function bundleBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [resolve(import.meta.dirname, 'bridge-preload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    // Like the preload: the contract's method names only, not zod and the schemas (scripts/build.mjs).
    plugins: [apiMethodsPlugin()],
  }).then((r) => r.outputFiles[0]!.text);
  return bridgeScript;
}

export async function openApp(options: OpenAppOptions = {}): Promise<OpenedApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` before the e2e tests');
  }
  const home = options.home ?? makeHome('landscape-e2e-');
  const dialogs: FileDialogs = options.dialogs ?? {
    chooseSavePath: async ({ defaultName }) => {
      mkdirSync(join(home, 'exports'), { recursive: true });
      return join(home, 'exports', defaultName ?? 'export');
    },
    chooseOpenPath: async () => null,
  };
  const services = options.services ?? createTestServices(home, { dialogs, ...options.overrides });
  const hub = createEventHub();
  const dispatch = createDispatcher(createHandlers(services), services.log);
  const server = await serveDirectory(RENDERER_DIR);
  const profile = mkdtempSync(join(tmpdir(), 'landscape-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Playwright's own SIGINT handler closes the browsers and exits the vitest worker with 130,
    // silently: a stray signal would look like a worker death. Without it the signal shows.
    handleSIGINT: false,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  await context.exposeBinding('__bridgeInvoke', (_source, channel: string, request: unknown) =>
    dispatch(channel, request, hub.context()),
  );
  await context.addInitScript({ content: await bundleBridge() });
  const page = context.pages()[0] ?? (await context.newPage());
  const removeSink = hub.addSink((event, payload) => {
    void page
      .evaluate(([e, p]) => (globalThis as unknown as { __bridgeEmit(e: string, p: unknown): void }).__bridgeEmit(e, p), [event, payload] as const)
      .catch(() => {});
  });
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(server.url);
  return {
    page,
    context,
    services,
    hub,
    home,
    async close() {
      removeSink();
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
      if (pageErrors.length) throw new Error(`the page threw: ${pageErrors.join(' | ')}`);
    },
  };
}
