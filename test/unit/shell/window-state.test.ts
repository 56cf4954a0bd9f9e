/**
 * The window's bounds across starts: electron-store (the real package, over the Electron double's
 * app/ipcMain) writes window-state.json in the data directory; restoreBounds keeps a window on a
 * display that is still there.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { FakeBrowserWindow } from '../../doubles/electron';
import { DEFAULT_BOUNDS, restoreBounds } from '../../../main/shell/window-bounds';
import { createWindowState } from '../../../main/shell/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 900 };
const monitor = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('restoreBounds', () => {
  it('keeps a saved place that is on a display, and clamps the size to the minimum and the display', () => {
    expect(restoreBounds({ x: 1600, y: 100, width: 2000, height: 1200, maximized: true }, [laptop, monitor])).toEqual({ x: 1600, y: 100, width: 2000, height: 1200, maximized: true });
    expect(restoreBounds({ x: 10, y: 10, width: 300, height: 200 }, [laptop])).toEqual({ x: 10, y: 10, width: 960, height: 640, maximized: false });
    expect(restoreBounds({ x: 0, y: 0, width: 5000, height: 5000 }, [laptop])).toMatchObject({ width: 1440, height: 900 });
  });

  it('drops the place when its display is gone (undocked) and falls back to the default on junk', () => {
    expect(restoreBounds({ x: 1600, y: 100, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800, maximized: false });
    expect(restoreBounds({ x: 100, y: -500, width: 1200, height: 800 }, [laptop])).toEqual({ width: 1200, height: 800, maximized: false });
    for (const junk of [undefined, null, 'big', { width: '1200', height: 800 }, { width: 1.5, height: 800 }, { width: 1e9, height: 800 }]) {
      expect(restoreBounds(junk, [laptop])).toEqual(DEFAULT_BOUNDS);
    }
  });
});

describe('window state with electron-store', () => {
  it('saves the bounds when the window closes and restores them at the next start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'landscape-window-state-'));
    const first = new FakeBrowserWindow({});
    createWindowState(dir).apply(first as unknown as BrowserWindow, [laptop, monitor]);
    expect(first.calls).toEqual([['setSize', 1280, 800], ['center']]);
    first.normalBounds = { x: 1500, y: 40, width: 1600, height: 1000 };
    first.maximized = true;
    first.emit('close');
    expect(JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8'))).toEqual({ bounds: { x: 1500, y: 40, width: 1600, height: 1000, maximized: true } });

    const second = new FakeBrowserWindow({});
    createWindowState(dir).apply(second as unknown as BrowserWindow, [laptop, monitor]);
    expect(second.calls).toEqual([['setBounds', { x: 1500, y: 40, width: 1600, height: 1000 }], ['maximize']]);
  });

  it('starts with the default size when window-state.json is damaged', () => {
    const dir = mkdtempSync(join(tmpdir(), 'landscape-window-state-'));
    writeFileSync(join(dir, 'window-state.json'), '{ not json');
    expect(createWindowState(dir).bounds([laptop])).toEqual(DEFAULT_BOUNDS);
  });
});
