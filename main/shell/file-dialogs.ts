import { BrowserWindow, dialog } from 'electron';
import type { FileDialogs } from '../services/user-paths';

/** Electron's native dialogs, attached to the focused window. */
export function createElectronDialogs(): FileDialogs {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    async chooseSavePath({ title, defaultName, filters }) {
      const win = parent();
      const options = { title, defaultPath: defaultName, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'> };
      const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return r.canceled ? null : (r.filePath ?? null);
    },
    async chooseOpenPath({ title, filters }) {
      const win = parent();
      const options = { title, filters, properties: ['openFile'] as Array<'openFile'> };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
