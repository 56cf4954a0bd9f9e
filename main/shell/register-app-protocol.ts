import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME } from './app-origin';
import { resolveAppPath, responseHeaders } from './app-protocol';

/** Must run before app 'ready': app:// behaves like https (secure, standard origin). */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from `rendererDir`; anything outside it is a 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const path = resolveAppPath(rendererDir, request.url);
    if (!path) return new Response('Not found', { status: 404 });
    try {
      return new Response(await readFile(path), { headers: responseHeaders(path) });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
