import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './app-origin';
import { guardWebContents } from './guards';
import { createWindowOptions } from './window-options';

export function createMainWindow(preloadPath: string, iconPath?: string): BrowserWindow {
  const win = new BrowserWindow(createWindowOptions({ preloadPath, iconPath }));
  guardWebContents(win.webContents);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY_URL);
  return win;
}
