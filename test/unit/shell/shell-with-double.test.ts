/**
 * The shell files that import 'electron', run against test/doubles/electron.ts (vitest aliases
 * 'electron' to it): what they register, expose and refuse.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { calls, clipboard, resetCalls, type FakeBrowserWindow } from '../../doubles/electron';
import { contract } from '../../../shared/ipc/contract';
import { createEventHub } from '../../../main/ipc/event-hub';
import { registerIpc } from '../../../main/shell/ipc-registrar';
import { ok } from '../../../shared/result';

beforeEach(() => resetCalls());

describe('shell entry (main/shell/index.ts)', () => {
  it('takes the single-instance lock, registers app:// as a secure standard scheme, guards every webContents', async () => {
    await import('../../../main/shell/index');
    expect(calls.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(calls.appListeners.has('second-instance')).toBe(true);
    expect(calls.appListeners.has('web-contents-created')).toBe(true);
    // Quitting clears a secret the app put on the clipboard; the user's own text stays.
    expect(calls.appListeners.has('will-quit')).toBe(true);
    clipboard.writeText('the user copied this');
    for (const l of calls.appListeners.get('will-quit')!) l();
    expect(clipboard.readText()).toBe('the user copied this');
    expect(calls.quit).toBe(0);
  });
});

describe('main window', () => {
  it('is created with the hardened options and loads the app:// entry, never file://', async () => {
    const { createMainWindow } = await import('../../../main/shell/create-window');
    const win = createMainWindow('/app/preload.cjs') as unknown as FakeBrowserWindow;
    const prefs = calls.windows.at(-1)!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(win.loadedUrl).toBe('app://renderer/index.html');
    expect(win.webContents.windowOpenHandler?.({ url: 'https://x.example' })).toEqual({ action: 'deny' });
  });
});

describe('Electron checklist item 17: one registrar checks every sender', () => {
  it('registers every channel of the contract and refuses untrusted frames before the handler runs', async () => {
    const handled = new Map<string, (e: unknown, a: unknown) => Promise<unknown>>();
    let dispatched = 0;
    const channels = registerIpc(
      { handle: (ch, l) => handled.set(ch, l as never) },
      async () => {
        dispatched++;
        return ok('fine');
      },
      createEventHub(),
    );
    expect(channels.sort()).toEqual(Object.keys(contract).sort());
    const listener = handled.get('app:info')!;
    const fromIframe = await listener({ senderFrame: { url: 'app://renderer/index.html', parent: {} } }, undefined);
    const fromElsewhere = await listener({ senderFrame: { url: 'https://evil.example/', parent: null } }, undefined);
    expect(fromIframe).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(fromElsewhere).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
    expect(dispatched).toBe(0);
    expect(await listener({ senderFrame: { url: 'app://renderer/index.html', parent: null } }, undefined)).toEqual(ok('fine'));
    expect(dispatched).toBe(1);
  });
});

describe('Electron checklist item 20: the preload exposes only named contract functions', () => {
  it('exposes window.api with one function per channel and per event, and no generic invoke', async () => {
    await import('../../../main/shell/preload');
    const api = calls.exposed.get('api') as Record<string, unknown>;
    const methods = Object.values(contract).map((c) => c.method);
    for (const m of methods) expect(typeof api[m]).toBe('function');
    expect(Object.keys(api)).not.toContain('invoke');
    expect(Object.keys(api)).not.toContain('ipcRenderer');
    expect(Object.isFrozen(api)).toBe(true);
    await (api.appInfo as () => Promise<unknown>)();
    expect(calls.invoked.at(-1)).toEqual({ channel: 'app:info', request: undefined });
  });
});
