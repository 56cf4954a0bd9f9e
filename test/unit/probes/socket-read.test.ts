/**
 * The bounded reader every line-speaking probe uses (net/socket-io.ts#readMessage): a message that
 * arrives in many small chunks is read whole, what follows it is kept for the next reader when
 * asked, and an answer past the bound is refused. A PassThrough stands in for the socket: the
 * reader only uses the stream side of it, and the test needs exact chunk boundaries.
 */
import type { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readMessage } from '../../../main/services/probes/net/socket-io';

const untilCrlf = (b: Buffer) => {
  const i = b.indexOf('\r\n');
  return i < 0 ? undefined : i + 2;
};

function feed(stream: PassThrough, chunks: Buffer[]) {
  let i = 0;
  const next = () => {
    if (i < chunks.length) {
      stream.write(chunks[i++]);
      setImmediate(next);
    }
  };
  next();
}

describe('readMessage', () => {
  it('reads a 20,000-byte line sent one byte per chunk, byte for byte', async () => {
    const s = new PassThrough();
    const line = Buffer.from(`${'x'.repeat(19_998)}\r\n`);
    feed(s, [...line].map((b) => Buffer.from([b])));
    const got = await readMessage(s as unknown as Socket, { complete: untilCrlf, maxBytes: 65_536, signal: new AbortController().signal });
    expect(got.equals(line)).toBe(true);
  });

  it('keeps what follows the message for the next reader (keepRest), across chunk boundaries', async () => {
    const s = new PassThrough();
    feed(s, [Buffer.from('220 hel'), Buffer.from('lo\r\n250 ne'), Buffer.from('xt\r\n')]);
    const signal = new AbortController().signal;
    const first = await readMessage(s as unknown as Socket, { complete: untilCrlf, maxBytes: 1024, signal, keepRest: true });
    expect(first.toString()).toBe('220 hello\r\n');
    const second = await readMessage(s as unknown as Socket, { complete: untilCrlf, maxBytes: 1024, signal });
    expect(second.toString()).toBe('250 next\r\n');
  });

  it('refuses an answer past its bound, however it is chunked', async () => {
    const s = new PassThrough();
    feed(s, Array.from({ length: 300 }, () => Buffer.from('y'.repeat(7))));
    const read = readMessage(s as unknown as Socket, { complete: untilCrlf, maxBytes: 1000, signal: new AbortController().signal });
    await expect(read).rejects.toMatchObject({ code: 'ERR_PROBE_TOO_LARGE' });
  });
});
