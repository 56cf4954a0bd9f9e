import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { guardWebContents } from './guards';
import { createWindowOptions } from './window-options';

/** `place` sizes the hidden window (saved bounds) while the renderer loads; it is shown after both. */
export function createMainWindow(preloadPath: string, iconPath?: string, place?: (win: BrowserWindow) => Promise<void>): BrowserWindow {
  const win = new BrowserWindow(createWindowOptions({ preloadPath, iconPath }));
  guardWebContents(win.webContents);
  const placed = (place?.(win) ?? Promise.resolve()).catch(() => undefined);
  win.once('ready-to-show', () => void placed.then(() => win.show()));
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
