/**
 * Item 18: the renderer is served from app://renderer/…, never file://. Resolving a request to a
 * file is pure and rejects anything that would leave the renderer folder.
 */
import { extname, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { contentSecurityPolicy } from './csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export function mimeTypeOf(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Maps app://renderer/<path> to a file under `root`, or null when the URL must be refused. */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  // The URL parser already folds "..", "%2e%2e" and friends; a request that needed folding is an
  // attempt, not a page of ours, so it is refused rather than quietly resolved.
  if (/(^|[/\\])(\.|%2e){2}([/\\]|%2f|%5c|$)/i.test(requestUrl.slice(`${APP_SCHEME}://${APP_HOST}`.length))) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const base = resolve(root);
  const target = resolve(base, '.' + (pathname === '/' ? '/index.html' : pathname));
  if (target !== base && !target.startsWith(base + sep)) return null;
  return target;
}

/** Headers every app:// response carries: the CSP (item 7) and no MIME sniffing. */
export function responseHeaders(path: string): Record<string, string> {
  return {
    'Content-Type': mimeTypeOf(path),
    'Content-Security-Policy': contentSecurityPolicy(),
    'X-Content-Type-Options': 'nosniff',
  };
}
