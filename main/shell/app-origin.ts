/**
 * The app's own origin and the pure checks built on it (checklist items 13, 17, 18).
 * No Electron import here: these run in plain Node tests.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    // Custom schemes report origin "null"; build it from protocol and host instead.
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

export function isAppUrl(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

export interface SenderFrameLike {
  url: string;
  /** null for the top frame. */
  parent: unknown;
}

/** Item 17: an IPC message is trusted only from the top frame of a page served from the app origin. */
export function isTrustedSender(frame: SenderFrameLike | null | undefined): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}
