/**
 * AMQP over WebSocket as CI's adapter speaks it (the OASIS AMQP WebSocket binding): an HTTP/1.1
 * upgrade asking for the subprotocol "amqp" on the socket the probe already opened along its route
 * (and judged TLS on), then AMQP in binary frames, masked from the client (RFC 6455). Our own
 * few lines rather than the `ws` package: it is not a dependency, rhea's WebSocket hook opens its
 * own connection (no route, no TLS verdict), and the diagnosis needs the upgrade answer as sent.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { Finding } from '../../../../shared/probe/probe-types';
import type { ProbeContext } from '../engine-types';
import { readMessage } from '../net/socket-io';
import { ProbeFailure } from '../probe-failure';
import { AmqpWire } from './amqp-wire';

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** An upgrade answer is a few hundred bytes; an error page may be longer, its head is enough. */
const MAX_HEAD = 16 * 1024;
/** AMQP frames are at most 64 KiB (the probe's max-frame-size); a WebSocket frame may carry several. */
const MAX_FRAME = 256 * 1024;

export function acceptFor(key: string): string {
  return createHash('sha1').update(key + WS_GUID).digest('base64');
}

/** The diagnosis of an upgrade answer (status line and headers), or undefined when it is a good one. */
export function judgeUpgrade(head: string, key: string, at: { host: string; port: number; path: string }): Finding | undefined {
  const [statusLine = '', ...lines] = head.split('\r\n');
  const m = /^HTTP\/1\.[01] (\d{3})\s*(.*)$/.exec(statusLine);
  if (!m) return diagnose('amqp.ws.not-http', { host: at.host, port: at.port, detail: statusLine ? `it answered “${statusLine.slice(0, 60)}”` : 'it closed the connection' });
  const status = Number(m[1]);
  const headers = new Map(lines.filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim().toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]));
  if (status === 404) return diagnose('amqp.ws.not-found', { path: at.path, status });
  if (status !== 101) return diagnose('amqp.ws.refused', { path: at.path, status, reason: m[2] || 'no reason given' });
  if (headers.get('sec-websocket-accept') !== acceptFor(key)) return diagnose('amqp.ws.not-http', { host: at.host, port: at.port, detail: 'its upgrade answer does not carry the WebSocket accept key' });
  const protocol = headers.get('sec-websocket-protocol');
  if (protocol?.toLowerCase() !== 'amqp') return diagnose('amqp.ws.no-subprotocol', { protocol: protocol || 'null' });
  return undefined;
}

function frame(payload: Buffer, opcode: number): Buffer {
  const mask = randomBytes(4);
  const len = payload.length;
  const head = len < 126 ? Buffer.from([0x80 | opcode, 0x80 | len]) : len < 65536 ? Buffer.from([0x80 | opcode, 0x80 | 126, len >> 8, len & 255]) : Buffer.concat([Buffer.from([0x80 | opcode, 0x80 | 127]), bigLength(len)]);
  const body = Buffer.from(payload);
  for (let i = 0; i < body.length; i++) body[i]! ^= mask[i & 3]!;
  return Buffer.concat([head, mask, body]);
}

function bigLength(len: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(len));
  return b;
}

/** Splits the server's frames: binary and continuation payloads to the wire, ping answered, close ends it. */
function reader(wire: AmqpWire, socket: Socket): (chunk: Buffer) => void {
  let buffer = Buffer.alloc(0);
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 2) {
      const opcode = buffer[0]! & 0x0f;
      const masked = (buffer[1]! & 0x80) !== 0;
      let len = buffer[1]! & 0x7f;
      let offset = 2;
      if (len === 126) {
        if (buffer.length < 4) return;
        len = buffer.readUInt16BE(2);
        offset = 4;
      } else if (len === 127) {
        if (buffer.length < 10) return;
        const big = buffer.readBigUInt64BE(2);
        len = big > BigInt(MAX_FRAME) ? MAX_FRAME + 1 : Number(big);
        offset = 10;
      }
      if (len > MAX_FRAME) {
        wire.tooLarge = true;
        socket.destroy();
        return;
      }
      const maskKey = masked ? buffer.subarray(offset, offset + 4) : undefined;
      offset += masked ? 4 : 0;
      if (buffer.length < offset + len) return;
      const payload = Buffer.from(buffer.subarray(offset, offset + len));
      if (maskKey) for (let i = 0; i < payload.length; i++) payload[i]! ^= maskKey[i & 3]!;
      buffer = buffer.subarray(offset + len);
      if (opcode === 0x9) socket.write(frame(payload, 0xa));
      else if (opcode === 0x8) {
        socket.end(frame(Buffer.alloc(0), 0x8));
        wire.finish();
        return;
      } else if (opcode === 0x0 || opcode === 0x2) wire.push(payload);
    }
  };
}

/** The upgrade as one step; resolves with the wire rhea speaks AMQP over, or fails with the diagnosis. */
export async function upgradeToWebSocket(ctx: ProbeContext, socket: Socket, at: { host: string; port: number; path?: string; tls: boolean }): Promise<AmqpWire> {
  const path = at.path?.startsWith('/') ? at.path : `/${at.path ?? ''}`;
  return ctx.step('websocket', `WebSocket upgrade to ${path} (subprotocol amqp)`, async (mark) => {
    const key = randomBytes(16).toString('base64');
    const defaultPort = at.tls ? 443 : 80;
    const request = [`GET ${path} HTTP/1.1`, `Host: ${at.port === defaultPort ? at.host : `${at.host}:${at.port}`}`, 'Upgrade: websocket', 'Connection: Upgrade', `Sec-WebSocket-Key: ${key}`, 'Sec-WebSocket-Version: 13', 'Sec-WebSocket-Protocol: amqp', '', ''].join('\r\n');
    ctx.log(`> GET ${path} HTTP/1.1 (Upgrade: websocket, Sec-WebSocket-Protocol: amqp)`);
    socket.write(request);
    let raw: Buffer;
    try {
      raw = await readMessage(socket, {
        complete: (b, ended) => {
          const end = b.indexOf('\r\n\r\n');
          return end >= 0 ? end + 4 : ended ? b.length : undefined;
        },
        maxBytes: MAX_HEAD,
        signal: ctx.signal,
        keepRest: true,
      });
    } catch (e) {
      if (ctx.signal.aborted) throw e;
      throw new ProbeFailure(diagnose('amqp.ws.not-http', { host: at.host, port: at.port, detail: 'it closed the connection or sent no HTTP answer' }));
    }
    const head = raw.toString('latin1').replace(/\r\n\r\n$/, '');
    ctx.log(`< ${head.split('\r\n')[0] ?? ''}`);
    const finding = judgeUpgrade(head, key, { host: at.host, port: at.port, path });
    if (finding) throw new ProbeFailure(finding);
    mark.detail(`${head.split('\r\n')[0]}, subprotocol amqp`);
    const wire = new AmqpWire((data) => socket.write(frame(data, 0x2)), () => socket.destroy(), `ws://${at.host}:${at.port}${path}`);
    socket.on('data', reader(wire, socket));
    socket.on('error', (e) => wire.emit('error', e));
    socket.on('close', () => wire.finish());
    socket.resume();
    return wire;
  });
}
