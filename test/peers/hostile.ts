/**
 * Peers that misbehave on purpose, to prove a probe ends by its deadline whatever the peer does:
 * silent (accepts, says nothing), trickle (one byte now and then, forever), garbage (not TLS),
 * endless (a TLS-looking record header promising more than it ever sends), close-mid-handshake.
 */
import { createServer, type Server, type Socket } from 'node:net';

export type HostileKind = 'silent' | 'trickle' | 'garbage' | 'endless' | 'close-mid-handshake';

export interface HostilePeer {
  port: number;
  /** Sockets the peer still holds open. */
  openSockets(): number;
  stop(): Promise<void>;
}

export async function startHostilePeer(kind: HostileKind): Promise<HostilePeer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    // Read and discard what the client sends, so its close is noticed (a paused socket never ends).
    if (kind !== 'close-mid-handshake') socket.resume();
    if (kind === 'trickle') {
      const t = setInterval(() => socket.writable && socket.write('x'), 200);
      timers.add(t);
      socket.on('close', () => clearInterval(t));
    } else if (kind === 'garbage') {
      socket.write('SSH-2.0-NotTLS garbage\r\n' + 'z'.repeat(2000));
    } else if (kind === 'endless') {
      // A TLS handshake record header announcing 16 KB, then bytes that never complete it.
      socket.write(Buffer.from([0x16, 0x03, 0x03, 0x3f, 0xff]));
      const t = setInterval(() => socket.writable && socket.write(Buffer.alloc(8, 1)), 100);
      timers.add(t);
      socket.on('close', () => clearInterval(t));
    } else if (kind === 'close-mid-handshake') {
      socket.once('data', () => socket.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    openSockets: () => sockets.size,
    stop: () =>
      new Promise((resolve) => {
        for (const t of timers) clearInterval(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
