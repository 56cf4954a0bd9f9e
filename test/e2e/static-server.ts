/**
 * Serves the built renderer on 127.0.0.1 with the same resolver and headers (CSP included) as the
 * shell's app:// protocol, so the e2e suite runs the renderer under the production policy.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveAppPath, responseHeaders } from '../../main/shell/app-protocol';
import { APP_ORIGIN } from '../../main/shell/app-origin';

export async function serveDirectory(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = resolveAppPath(root, APP_ORIGIN + (req.url ?? '/'));
    if (!path) {
      res.writeHead(404).end('Not found');
      return;
    }
    readFile(path).then(
      (body) => res.writeHead(200, responseHeaders(path)).end(body),
      () => res.writeHead(404).end('Not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/index.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
