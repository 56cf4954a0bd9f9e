/**
 * Where the main window opens: the size and place the user left it, when that still fits a
 * display (a laptop undocked from its second screen must not open the window off-screen), else
 * the default size, centred. Pure, so it is tested without Electron; window-state.ts keeps the
 * bounds with electron-store.
 */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_BOUNDS: WindowBounds = { width: 1280, height: 800, maximized: false };
export const MIN_SIZE = { width: 960, height: 640 };
/** How much of the title bar must lie on a display for the saved place to be used. */
const GRIP = { width: 120, height: 24 };

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 100_000;
const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);

function gripVisible(x: number, y: number, width: number, area: Rect): boolean {
  const left = Math.max(x, area.x);
  const right = Math.min(x + width, area.x + area.width);
  return right - left >= GRIP.width && y >= area.y && y + GRIP.height <= area.y + area.height;
}

export function restoreBounds(saved: unknown, workAreas: Rect[]): WindowBounds {
  if (typeof saved !== 'object' || saved === null) return { ...DEFAULT_BOUNDS };
  const { x, y, width, height, maximized } = saved as Record<string, unknown>;
  if (!isInt(width) || !isInt(height)) return { ...DEFAULT_BOUNDS };
  const largest = workAreas.reduce((m, a) => ({ width: Math.max(m.width, a.width), height: Math.max(m.height, a.height) }), MIN_SIZE);
  const size = { width: clamp(width, MIN_SIZE.width, largest.width), height: clamp(height, MIN_SIZE.height, largest.height) };
  const max = maximized === true;
  if (isInt(x) && isInt(y) && workAreas.some((a) => gripVisible(x, y, size.width, a))) return { x, y, ...size, maximized: max };
  return { ...size, maximized: max };
}
