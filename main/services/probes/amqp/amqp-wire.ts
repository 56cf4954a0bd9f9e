/**
 * The byte stream rhea speaks AMQP over, in place of the socket it would open itself: the probe
 * opened the connection along its route, judged the TLS chain and (for WebSocket) did the upgrade,
 * so rhea only gets this pipe. The pipe counts what the broker sends (bounded: nothing the probe
 * needs comes near the limit) and keeps the first bytes, which tell an AMQP 0-9-1 broker or a
 * non-AMQP service from a broker that speaks AMQP 1.0.
 */
import { EventEmitter } from 'node:events';

/** Open, SASL, attach and close are a few hundred bytes; the probe asks for frames of 64 KiB at most. */
export const WIRE_LIMIT = 1024 * 1024;

export class AmqpWire extends EventEmitter {
  received = 0;
  /** The first bytes the broker sent (up to 16), for the protocol-header diagnosis. */
  head = Buffer.alloc(0);
  tooLarge = false;
  private ended = false;

  constructor(
    private readonly send: (data: Buffer) => void,
    private readonly shut: () => void,
    private readonly id: string,
  ) {
    super();
  }

  /** Bytes from the broker. */
  push(chunk: Buffer): void {
    if (this.tooLarge) return;
    this.received += chunk.length;
    if (this.head.length < 16) this.head = Buffer.concat([this.head, chunk]).subarray(0, 16);
    if (this.received > WIRE_LIMIT) {
      this.tooLarge = true;
      this.shut();
      this.finish();
      return;
    }
    this.emit('data', chunk);
  }

  /** The broker's side ended (once, however many ways the transport says so). */
  finish(): void {
    if (this.ended) return;
    this.ended = true;
    this.emit('end');
  }

  // What rhea calls on its socket.
  write(data: Buffer): boolean {
    this.send(Buffer.from(data));
    return true;
  }
  end(): void {
    this.shut();
  }
  destroy(): void {
    this.shut();
  }
  get_id_string(): string {
    return this.id;
  }
}

/** What the broker's first bytes say when they are not an AMQP 1.0 header, in words. */
export function describeHead(head: Buffer): { code: 'amqp.protocol-0-9-1' | 'amqp.not-amqp'; detail: string } | undefined {
  if (head.length === 0) return { code: 'amqp.not-amqp', detail: 'it closed the connection without answering' };
  if (head.subarray(0, 4).toString('latin1') === 'AMQP' && head.length >= 8) {
    const [id, major, minor, revision] = [head[4], head[5], head[6], head[7]];
    if (id === 0 && major === 0 && minor === 9) return { code: 'amqp.protocol-0-9-1', detail: 'AMQP 0-9-1' };
    if (major === 1 && minor === 0) return undefined;
    return { code: 'amqp.not-amqp', detail: `an AMQP header of version ${id}-${major}-${minor}-${revision}` };
  }
  if (head.subarray(0, 4).toString('latin1') === 'AMQP') return undefined;
  if (head[0] === 0x15 || head[0] === 0x16) return { code: 'amqp.not-amqp', detail: 'a TLS record: the port expects TLS' };
  const text = head.toString('latin1');
  if (/^HTTP\/1\.[01] \d{3}/.test(text)) return { code: 'amqp.not-amqp', detail: `an HTTP answer (${text.split('\r')[0]})` };
  const printable = /^[\x20-\x7e\r\n]+$/.test(text);
  return { code: 'amqp.not-amqp', detail: printable ? `“${text.replace(/\s+/g, ' ').trim()}”` : `bytes ${head.subarray(0, 8).toString('hex').replace(/(..)/g, '$1 ').trim()}` };
}
