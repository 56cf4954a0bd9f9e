/**
 * The main window's size, place and maximized state across starts, kept with electron-store
 * (`window-state.json` in the data directory). Only the shell reads or writes it — the CLI has no
 * window — so it needs no cross-process lock; an unreadable file is reset (clearInvalidConfig):
 * losing a window size is harmless, unlike a landscape. Loaded after the window is created, so
 * electron-store (conf, ajv) never delays the first paint.
 */
import type { BrowserWindow } from 'electron';
import Store from 'electron-store';
import { restoreBounds, type Rect, type WindowBounds } from './window-bounds';

export interface WindowState {
  bounds(workAreas: Rect[]): WindowBounds;
  /** Restores the saved bounds on `win` and saves them again when it closes. */
  apply(win: BrowserWindow, workAreas: Rect[]): void;
}

export function createWindowState(dir: string): WindowState {
  const store = new Store<{ bounds?: unknown }>({ name: 'window-state', cwd: dir, clearInvalidConfig: true });
  const bounds = (workAreas: Rect[]) => restoreBounds(store.get('bounds'), workAreas);
  return {
    bounds,
    apply(win, workAreas) {
      const b = bounds(workAreas);
      if (b.x !== undefined && b.y !== undefined) win.setBounds({ x: b.x, y: b.y, width: b.width, height: b.height });
      else {
        win.setSize(b.width, b.height);
        win.center();
      }
      if (b.maximized) win.maximize();
      win.on('close', () => store.set('bounds', { ...win.getNormalBounds(), maximized: win.isMaximized() }));
    },
  };
}
