/**
 * The Electron shell: composition only. Everything it wires runs in plain Node without Electron;
 * this file and its siblings in main/shell/ are the only ones allowed to import 'electron'.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, clipboard, ipcMain, screen, session, shell } from 'electron';
import { createServices } from '../composition';
import { deferredDispatch } from '../ipc/deferred-dispatch';
import { createEventHub } from '../ipc/event-hub';
import { resolveDataDir } from '../services/data-dir';
import { createLogger, createRedactor } from '../services/logger';
import { loadKeytar } from '../services/vault/secret-backend';
import { clipboardClearedOnQuit } from './quit-clipboard';
import { createFileBackend } from '../services/store/file-backend';
import { createMainWindow } from './create-window';
import { guardSession, guardWebContents } from './guards';
import { registerIpc } from './ipc-registrar';
import { registerAppSchemePrivileges, serveRenderer } from './register-app-protocol';
import { createElectronDialogs } from './file-dialogs';
import { createElectronPdfPrinter } from './pdf-window';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const preloadPath = join(here, '../preload/preload.cjs');

registerAppSchemePrivileges();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, wc) => guardWebContents(wc));
  app.on('window-all-closed', () => app.quit());
  // A secret copied less than 30 s before quitting would outlive its clear timer.
  const secretClipboard = clipboardClearedOnQuit(clipboard);
  app.on('will-quit', () => secretClipboard.clearOnQuit());

  void app.whenReady().then(() => {
    const dataDir = resolveDataDir({
      env: process.env,
      electronUserData: app.getPath('userData'),
      platform: process.platform,
      homedir: homedir(),
    });
    mkdirSync(join(dataDir, 'logs'), { recursive: true });
    const redactor = createRedactor();
    const log = createLogger((line) => appendFileSync(join(dataDir, 'logs', 'main.log'), line), redactor);
    const services = createServices({
      dataDir,
      platform: process.platform,
      loadSecretBackend: loadKeytar,
      log,
      redactor,
      storeBackend: createFileBackend,
      openExternal: (url) => shell.openExternal(url),
      clipboard: secretClipboard.effect,
      dialogs: createElectronDialogs(),
      printPdf: createElectronPdfPrinter(),
      env: process.env,
      // The OS's proxy decision (system settings, PAC, WPAD) in Chromium's PAC syntax.
      systemProxy: (url) => session.defaultSession.resolveProxy(url),
    });
    const hub = createEventHub();
    hub.addSink((event, payload) => {
      for (const win of BrowserWindow.getAllWindows()) win.webContents.send(event, payload);
    });
    // The window first; the handlers and every service module (probes, crypto) load behind it.
    // Requests that arrive meanwhile wait for them (deferredDispatch).
    registerIpc(ipcMain, deferredDispatch(loadDispatch(), log), hub);
    guardSession(session.defaultSession);
    serveRenderer(rendererDir);
    mainWindow = createMainWindow(preloadPath, join(here, '../../assets/icon.png'), async (win) => {
      const { createWindowState } = await import('./window-state');
      createWindowState(dataDir).apply(win, screen.getAllDisplays().map((d) => d.workArea));
    });

    async function loadDispatch() {
      const [{ createHandlers }, { createDispatcher }] = await Promise.all([import('../ipc/handlers'), import('../ipc/dispatcher'), services.load()]);
      return createDispatcher(createHandlers(services), log);
    }
  });
}
