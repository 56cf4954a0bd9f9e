/** PAC files served over HTTP on loopback, as a customer's proxy.pac is; anything else is a 404. */
import { createServer, type Server } from 'node:http';

export interface PacServer {
  url(name: string): string;
  stop(): Promise<void>;
}

export async function startPacServer(files: Record<string, string>): Promise<PacServer> {
  const server: Server = createServer((req, res) => {
    const body = files[(req.url ?? '/').slice(1)];
    if (body === undefined) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: (name) => `http://127.0.0.1:${port}/${name}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A proxy that wants Windows sign-on only: 407 with Negotiate and NTLM challenges, never Basic. */
export async function startNtlmOnlyProxy(): Promise<{ port: number; stop(): Promise<void> }> {
  const server = createServer();
  server.on('connect', (_req, socket) => {
    socket.on('error', () => {});
    socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Negotiate\r\nProxy-Authenticate: NTLM\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
