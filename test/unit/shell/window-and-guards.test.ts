/**
 * The Electron security checklist (../shared/reference/electron-engineering.md), item by item,
 * proven against the shell's own code. Pure decisions are called directly; files that import
 * Electron run against test/doubles/electron.ts.
 */
import { describe, expect, it } from 'vitest';
import { createWindowOptions } from '../../../main/shell/window-options';
import { guardSession, guardWebContents } from '../../../main/shell/guards';
import { APP_ENTRY_URL } from '../../../main/shell/app-origin';

const prefs = createWindowOptions({ preloadPath: '/app/preload.cjs' }).webPreferences;

describe('Electron checklist: BrowserWindow preferences', () => {
  it('item 2: no Node integration anywhere (renderer, workers, subframes)', () => {
    expect(prefs.nodeIntegration).toBe(false);
    expect(prefs.nodeIntegrationInWorker).toBe(false);
    expect(prefs.nodeIntegrationInSubFrames).toBe(false);
  });
  it('item 3: context isolation is on', () => expect(prefs.contextIsolation).toBe(true));
  it('item 4: the renderer is sandboxed', () => expect(prefs.sandbox).toBe(true));
  it('item 6: webSecurity is not disabled', () => expect(prefs.webSecurity).toBe(true));
  it('item 8: no allowRunningInsecureContent', () => expect(prefs.allowRunningInsecureContent).toBe(false));
  it('item 9: no experimental features', () => expect(prefs.experimentalFeatures).toBe(false));
  it('item 10: no enableBlinkFeatures', () => expect('enableBlinkFeatures' in prefs).toBe(false));
  it('item 11/12: the <webview> tag is disabled', () => expect(prefs.webviewTag).toBe(false));
  it('the preload is the bundled CommonJS file', () => expect(prefs.preload).toBe('/app/preload.cjs'));
});

function fakeWebContents() {
  const listeners = new Map<string, Array<(...a: unknown[]) => void>>();
  let openHandler: ((d: { url: string }) => { action: string }) | undefined;
  return {
    on(event: string, l: (...a: unknown[]) => void) {
      listeners.set(event, [...(listeners.get(event) ?? []), l]);
    },
    setWindowOpenHandler(h: (d: { url: string }) => { action: 'deny' }) {
      openHandler = h;
    },
    fire(event: string, ...args: unknown[]) {
      let prevented = false;
      for (const l of listeners.get(event) ?? []) l({ preventDefault: () => (prevented = true) }, ...args);
      return prevented;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('Electron checklist: navigation, windows, webviews, permissions', () => {
  it('item 13: will-navigate to another origin is prevented, the app origin is allowed', () => {
    const wc = fakeWebContents();
    guardWebContents(wc as never);
    expect(wc.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(wc.fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(wc.fire('will-navigate', 'app://renderer.evil/index.html')).toBe(true);
    expect(wc.fire('will-navigate', APP_ENTRY_URL)).toBe(false);
  });
  it('item 13: will-redirect away from the app is prevented', () => {
    const wc = fakeWebContents();
    guardWebContents(wc as never);
    expect(wc.fire('will-redirect', 'http://127.0.0.1:1/')).toBe(true);
  });
  it('item 14: every new window is denied', () => {
    const wc = fakeWebContents();
    guardWebContents(wc as never);
    expect(wc.open('https://help.sap.com/')).toEqual({ action: 'deny' });
    expect(wc.open(APP_ENTRY_URL)).toEqual({ action: 'deny' });
  });
  it('item 12: attaching a webview is refused', () => {
    const wc = fakeWebContents();
    guardWebContents(wc as never);
    expect(wc.fire('will-attach-webview')).toBe(true);
  });
  it('item 5: every permission request and check is denied', () => {
    let request: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | null = null;
    let check: ((wc: unknown, p: string) => boolean) | null = null;
    guardSession({
      setPermissionRequestHandler: (h) => (request = h),
      setPermissionCheckHandler: (h) => (check = h),
    });
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      request!(null, permission, (g) => (granted = g));
      expect(granted).toBe(false);
      expect(check!(null, permission)).toBe(false);
    }
  });
});
