/**
 * The Electron test double: the only fake in the suite, for the one part that cannot run here.
 * It records what the shell asked for, so tests can check the shell's security decisions.
 */
type Listener = (...args: unknown[]) => unknown;

export const calls = {
  windows: [] as Array<{ options: Record<string, unknown>; instance: FakeBrowserWindow }>,
  handles: new Map<string, Listener>(),
  privileged: [] as unknown[],
  protocolHandlers: new Map<string, Listener>(),
  appListeners: new Map<string, Listener[]>(),
  exposed: new Map<string, unknown>(),
  rendererListeners: new Map<string, Listener[]>(),
  invoked: [] as Array<{ channel: string; request: unknown }>,
  singleInstanceLock: true,
  quit: 0,
};

export function resetCalls(): void {
  calls.windows.length = 0;
  calls.handles.clear();
  calls.privileged.length = 0;
  calls.protocolHandlers.clear();
  calls.appListeners.clear();
  calls.exposed.clear();
  calls.rendererListeners.clear();
  calls.invoked.length = 0;
  calls.singleInstanceLock = true;
  calls.quit = 0;
}

export class FakeWebContents {
  listeners = new Map<string, Listener[]>();
  windowOpenHandler: Listener | undefined;
  sent: Array<{ channel: string; payload: unknown }> = [];
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: Listener) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class FakeBrowserWindow {
  static all: FakeBrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  constructor(public options: Record<string, unknown>) {
    calls.windows.push({ options, instance: this });
    FakeBrowserWindow.all.push(this);
  }
  static getAllWindows() {
    return FakeBrowserWindow.all;
  }
  static getFocusedWindow() {
    return FakeBrowserWindow.all[0] ?? null;
  }
  // Window state (window-state.ts): what the shell did to the window, in order.
  calls: unknown[][] = [];
  winListeners = new Map<string, Listener[]>();
  normalBounds = { x: 0, y: 0, width: 1280, height: 800 };
  maximized = false;
  on(event: string, listener: Listener) {
    this.winListeners.set(event, [...(this.winListeners.get(event) ?? []), listener]);
  }
  emit(event: string) {
    for (const l of this.winListeners.get(event) ?? []) l();
  }
  setBounds(b: unknown) {
    this.calls.push(['setBounds', b]);
  }
  setSize(w: number, h: number) {
    this.calls.push(['setSize', w, h]);
  }
  center() {
    this.calls.push(['center']);
  }
  maximize() {
    this.calls.push(['maximize']);
  }
  getNormalBounds() {
    return this.normalBounds;
  }
  isMaximized() {
    return this.maximized;
  }
  once() {}
  show() {}
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  async loadURL(url: string) {
    this.loadedUrl = url;
  }
}

export const BrowserWindow = FakeBrowserWindow;

export const app = {
  requestSingleInstanceLock: () => calls.singleInstanceLock,
  quit: () => {
    calls.quit++;
  },
  on(event: string, listener: Listener) {
    calls.appListeners.set(event, [...(calls.appListeners.get(event) ?? []), listener]);
  },
  whenReady: () => new Promise<void>(() => {}),
  getPath: () => '/tmp/landscape-electron-double',
  getVersion: () => '0.0.0-double',
};

export const ipcMain = {
  on() {},
  handle(channel: string, listener: Listener) {
    calls.handles.set(channel, listener);
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: unknown[]) {
    calls.privileged.push(...schemes);
  },
  handle(scheme: string, handler: Listener) {
    calls.protocolHandlers.set(scheme, handler);
  },
};

export const screen = { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] };
export const session = { defaultSession: { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} } };
export const shell = { openExternal: async () => {} };
export const clipboard = { text: '', writeText(t: string) { clipboard.text = t; }, readText: () => clipboard.text };
export const dialog = {
  showSaveDialog: async () => ({ canceled: true, filePath: undefined }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
};

export const contextBridge = {
  exposeInMainWorld(key: string, value: unknown) {
    calls.exposed.set(key, value);
  },
};

export const ipcRenderer = {
  invoke: async (channel: string, request: unknown) => {
    calls.invoked.push({ channel, request });
    return { ok: true, value: null };
  },
  on(channel: string, listener: Listener) {
    calls.rendererListeners.set(channel, [...(calls.rendererListeners.get(channel) ?? []), listener]);
  },
  removeListener(channel: string, listener: Listener) {
    calls.rendererListeners.set(channel, (calls.rendererListeners.get(channel) ?? []).filter((l) => l !== listener));
  },
};

export default { app, BrowserWindow, ipcMain, protocol, screen, session, shell, dialog, contextBridge, ipcRenderer };
