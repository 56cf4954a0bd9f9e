/**
 * Navigation, new-window, permission and webview guards (items 5, 11, 12, 13, 14).
 * Written against the few methods they use, so tests pass plain objects for webContents/session.
 */
import { isAppUrl } from './app-origin';

interface EventLike {
  preventDefault(): void;
}

export interface WebContentsLike {
  on(event: 'will-navigate' | 'will-redirect', listener: (e: EventLike, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (e: EventLike) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface SessionLike {
  setPermissionRequestHandler(
    handler: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((wc: unknown, permission: string) => boolean) | null): void;
}

/** Items 13 and 14: stay on the app origin, never open new windows (links go through openExternal). */
export function guardWebContents(wc: WebContentsLike): void {
  const stayHome = (e: EventLike, url: string) => {
    if (!isAppUrl(url)) e.preventDefault();
  };
  wc.on('will-navigate', stayHome);
  wc.on('will-redirect', stayHome);
  // Item 12: the app has no use for <webview>; refuse every attach.
  wc.on('will-attach-webview', (e) => e.preventDefault());
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Item 5: deny every permission request and check (camera, geolocation, notifications, …). */
export function guardSession(session: SessionLike): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
