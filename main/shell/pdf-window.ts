import { BrowserWindow } from 'electron';
import type { PdfPrinter } from '../services/evidence/pdf-printer';

/**
 * The app's PDF printer for the evidence report: a hidden, sandboxed window with JavaScript off
 * loads the self-contained HTML (its CSP forbids every fetch) and Electron's printToPDF prints it.
 */
export function createElectronPdfPrinter(): PdfPrinter {
  return async (html) => {
    const win = new BrowserWindow({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true },
    });
    try {
      await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
      return await win.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    } finally {
      win.destroy();
    }
  };
}
