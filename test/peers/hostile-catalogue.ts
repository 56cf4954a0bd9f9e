/**
 * The hostile peer catalogue's servers (loopback, started by the test, stopped after it). Each is a
 * plain TCP or TLS server that misbehaves in one way; every one counts what it managed to send.
 *
 *   raw(behaviour)         TCP: the behaviour gets each accepted socket (silent, trickle, garbage,
 *                          TLS alert after the ClientHello, SMTP tarpit / 10,000-line EHLO, a proxy
 *                          that never answers CONNECT)
 *   tlsPeer(options, fn)   TLS with a given chain (100 certificates, a 1 MB certificate) and an
 *                          HTTP behaviour (endless headers, a redirect to itself)
 */
import 'reflect-metadata';
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import * as x509 from '@peculiar/x509';
import { issue, SERVER_AUTH, type Issued } from './pki';

export interface HostilePeerHandle {
  port: number;
  stop(): Promise<void>;
}

type Behaviour = (socket: Socket, later: (fn: () => void, ms: number) => void) => void;

async function listen(server: Server, sockets: Set<Socket>, timers: Set<NodeJS.Timeout>): Promise<HostilePeerHandle> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    stop: () =>
      new Promise((resolve) => {
        for (const t of timers) clearTimeout(t);
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes `next()` whenever the socket can take more, until it closes: an endless stream with backpressure. */
export function endless(socket: Socket, next: () => string | Buffer): void {
  const pump = () => {
    while (!socket.destroyed && socket.writable && socket.write(next()));
  };
  socket.on('drain', pump);
  pump();
}

export async function raw(behaviour: Behaviour): Promise<HostilePeerHandle> {
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  const later = (fn: () => void, ms: number) => {
    const t = setTimeout(() => (timers.delete(t), fn()), ms);
    timers.add(t);
  };
  const server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    behaviour(s, later);
  });
  return listen(server, sockets, timers);
}

export async function tlsPeer(chain: { certPem: string; keyPem: string }, behaviour: (socket: TLSSocket) => void): Promise<HostilePeerHandle> {
  const sockets = new Set<Socket>();
  const server = createTlsServer({ cert: chain.certPem, key: chain.keyPem }, (s) => {
    s.on('error', () => {});
    behaviour(s);
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
  });
  server.on('tlsClientError', () => {});
  return listen(server as unknown as Server, sockets, new Set());
}

// ---- behaviours ----

export const silent: Behaviour = (s) => void s.resume();

/** One byte a second, forever (what a tarpit or a dying link looks like). */
export function trickle(byte: string): Behaviour {
  return (s, later) => {
    s.resume();
    const tick = () => {
      if (s.destroyed) return;
      s.write(byte);
      later(tick, 1000);
    };
    tick();
  };
}

/** Endless random bytes where a greeting should be. */
export const garbage: Behaviour = (s) => {
  s.resume();
  let n = 0;
  endless(s, () => Buffer.alloc(16 * 1024, (n++ * 37) % 251));
};

/** TLS: after the ClientHello, a fatal handshake_failure alert (the server "stops" mid-handshake). */
export const tlsAlertAfterHello: Behaviour = (s) => {
  s.once('data', () => s.write(Buffer.from([0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28])));
  s.resume();
};

/** SMTP tarpit: the 220 greeting only after `delayMs` (spam defences do this for seconds to minutes). */
export function smtpTarpit(delayMs: number): Behaviour {
  return (s, later) => {
    s.resume();
    later(() => !s.destroyed && s.write('220 slow.example.com ESMTP\r\n'), delayMs);
  };
}

/** SMTP: a normal greeting, then an EHLO answer of 10,000 continuation lines. */
export const smtpHugeEhlo: Behaviour = (s) => {
  s.write('220 huge.example.com ESMTP\r\n');
  s.once('data', () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `250-X-CAPABILITY-${i} ${'x'.repeat(40)}\r\n`).join('');
    s.write(`250-huge.example.com\r\n${lines}250 OK\r\n`);
  });
  s.resume();
};

/** A proxy that accepts the connection and reads the CONNECT request, and never answers. */
export const proxyNeverAnswers: Behaviour = (s) => void s.resume();

/** HTTP over TLS: a status line, then headers forever. */
export function endlessHeaders(s: TLSSocket): void {
  s.once('data', () => {
    s.write('HTTP/1.1 200 OK\r\n');
    let n = 0;
    endless(s, () => `X-Endless-${n++}: ${'h'.repeat(200)}\r\n`);
  });
}

/** HTTP over TLS: every request is redirected to itself. */
export function redirectToSelf(port: number): (s: TLSSocket) => void {
  return (s) => {
    s.on('data', () => s.end(`HTTP/1.1 302 Found\r\nLocation: https://localhost:${port}/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`));
  };
}

// ---- certificates ----

/** leaf ← 99 intermediates ← a root: the server sends leaf + 99 intermediates (≈ 60 KB). */
export async function hundredCertificateChain(): Promise<{ certPem: string; keyPem: string; root: Issued }> {
  const root = await issue({ cn: 'Hostile Root 0', ca: true });
  let issuer = root;
  const intermediates: Issued[] = [];
  for (let i = 1; i < 100; i++) {
    issuer = await issue({ cn: `Hostile Intermediate ${i}`, ca: true, issuer });
    intermediates.push(issuer);
  }
  const leaf = await issue({ cn: 'localhost', issuer, sans: ['localhost', '127.0.0.1'], eku: [SERVER_AUTH] });
  return { certPem: leaf.certPem + intermediates.reverse().map((c) => c.certPem).join(''), keyPem: leaf.keyPem, root };
}

/** A self-signed certificate carrying a 1 MB private extension. */
export async function megabyteCertificate(): Promise<{ certPem: string; keyPem: string }> {
  const base = await issue({ cn: 'localhost', sans: ['localhost'] });
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '0badc0de',
    name: 'CN=localhost, O=Hostile Test',
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 86_400_000),
    keys: base.keys,
    signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' },
    extensions: [new x509.Extension('1.3.6.1.4.1.55555.1', false, new Uint8Array(1024 * 1024).fill(0x41))],
  });
  return { certPem: cert.toString('pem') + '\n', keyPem: base.keyPem };
}

/** IMAP: a greeting, then a CAPABILITY answer announcing a 1 GB literal and sending bytes forever. */
export const imapLiteralBomb: Behaviour = (s) => {
  s.write('* OK [CAPABILITY IMAP4rev1] bomb ready\r\n');
  s.once('data', () => {
    s.write('* CAPABILITY {1000000000}\r\n');
    endless(s, () => 'x'.repeat(16 * 1024));
  });
  s.resume();
};

/** POP3: a greeting, then a CAPA answer that never ends (no "." line). */
export const pop3EndlessCapa: Behaviour = (s) => {
  s.write('+OK endless ready\r\n');
  s.once('data', () => {
    s.write('+OK\r\n');
    let n = 0;
    endless(s, () => `X-CAPABILITY-${n++} ${'c'.repeat(60)}\r\n`);
  });
  s.resume();
};
