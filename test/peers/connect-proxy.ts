/**
 * A tiny HTTP CONNECT proxy with optional Basic authentication (407 without it), so the probes'
 * proxy route is tested against a real tunnel. Records the targets it tunnelled to.
 */
import { connect, createServer, type Socket } from 'node:net';

export interface RunningProxy {
  port: number;
  tunnels: string[];
  stop(): Promise<void>;
}

export async function startConnectProxy(auth?: { user: string; password: string }): Promise<RunningProxy> {
  const sockets = new Set<Socket>();
  const tunnels: string[] = [];
  const expected = auth ? `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}` : undefined;
  const server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      client.off('data', onData);
      const [line = '', ...headers] = head.slice(0, end).split('\r\n');
      const m = /^CONNECT ([^:\s]+):(\d+) HTTP\/1\.[01]$/.exec(line);
      const given = headers.find((h) => /^proxy-authorization:/i.test(h))?.replace(/^[^:]+:\s*/, '');
      if (!m) return void client.end('HTTP/1.1 405 Method Not Allowed\r\n\r\n');
      if (expected && given !== expected) {
        return void client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="proxy"\r\n\r\n');
      }
      const upstream = connect({ host: m[1], port: Number(m[2]) });
      sockets.add(upstream);
      upstream.on('close', () => (sockets.delete(upstream), client.destroy()));
      client.on('close', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
      upstream.once('connect', () => {
        tunnels.push(`${m[1]}:${m[2]}`);
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        client.pipe(upstream).pipe(client);
      });
    };
    client.on('data', onData);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    tunnels,
    stop: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
