/**
 * Socket plumbing every probe uses: every socket is destroyed when the probe's signal aborts (cancel,
 * deadline, or the probe is over), and every read is bounded in size, so a silent, trickling or
 * endless peer can hold a probe only until its deadline.
 */
import type { Socket } from 'node:net';

/**
 * Closes sockets right after the current turn, so the probe's result is not kept waiting: closing a
 * TCP socket that still holds unread bytes (a TLS 1.3 server's session tickets) makes the kernel
 * send a reset inside close(), up to half a millisecond on loopback.
 */
export function releaseSockets(...sockets: Socket[]): void {
  setImmediate(() => {
    for (const s of sockets) s.destroy();
  });
}

/** Destroys `socket` when `signal` aborts (at once if it already has); the listener goes away with the socket. */
export function guardSocket<S extends Socket>(socket: S, signal: AbortSignal): S {
  if (signal.aborted) socket.destroy();
  else {
    // The engine aborts when a probe ends, stops or is cancelled: its result is already settled.
    const onAbort = () => releaseSockets(socket);
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('close', () => signal.removeEventListener('abort', onAbort));
  }
  return socket;
}

/** Resolves on `event`, rejects on 'error', 'close' first, or abort; always cleans its listeners. */
export function waitFor(socket: Socket, event: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (fn: () => void) => {
      socket.off(event, onEvent);
      socket.off('error', onError);
      socket.off('close', onClose);
      signal.removeEventListener('abort', onAbort);
      fn();
    };
    const onEvent = () => done(resolve);
    const onError = (e: Error) => done(() => reject(e));
    const onClose = () => done(() => reject(Object.assign(new Error('connection closed by peer'), { code: 'ECONNRESET' })));
    const onAbort = () => done(() => reject(signal.reason));
    if (signal.aborted) return onAbort();
    socket.once(event, onEvent);
    socket.once('error', onError);
    socket.once('close', onClose);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export interface ReadOptions {
  /** Returns how many bytes make up the complete message, or undefined while incomplete. */
  complete: (buffer: Buffer, ended: boolean) => number | undefined;
  maxBytes: number;
  signal: AbortSignal;
  /**
   * Keep what arrived after the message for the next reader: the socket is paused with those bytes
   * put back. A proxy's "200 Connection established" can arrive in one chunk with the server's
   * greeting (SMTP, SSH speak first), and a flowing socket without a reader drops data.
   */
  keepRest?: boolean;
}

/** Reads until `complete` says so, the peer ends, or the bound is hit; rejects on abort. */
export function readMessage(socket: Socket, opts: ReadOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Grown by doubling, not concatenated per chunk: a peer answering in many small chunks would
    // otherwise cost a copy of everything so far per chunk (quadratic up to maxBytes).
    let store = Buffer.alloc(0);
    let buffer = store;
    const done = (fn: () => void) => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onError);
      socket.off('close', onEnd);
      opts.signal.removeEventListener('abort', onAbort);
      fn();
    };
    const check = (ended: boolean) => {
      const n = opts.complete(buffer, ended);
      if (n !== undefined) {
        return done(() => {
          if (opts.keepRest) {
            socket.pause();
            if (n < buffer.length) socket.unshift(buffer.subarray(n));
          }
          resolve(buffer.subarray(0, n));
        });
      }
      if (buffer.length > opts.maxBytes) {
        return done(() => reject(Object.assign(new Error(`answer larger than ${opts.maxBytes} bytes`), { code: 'ERR_PROBE_TOO_LARGE' })));
      }
      if (ended) done(() => reject(Object.assign(new Error('connection closed before a complete answer'), { code: 'ECONNRESET' })));
    };
    const onData = (chunk: Buffer) => {
      const length = buffer.length + chunk.length;
      if (length > store.length) {
        const grown = Buffer.alloc(Math.max(store.length * 2, length, 4096));
        buffer.copy(grown);
        store = grown;
      }
      chunk.copy(store, buffer.length);
      buffer = store.subarray(0, length);
      check(false);
    };
    const onEnd = () => check(true);
    const onError = (e: Error) => done(() => reject(e));
    const onAbort = () => done(() => reject(opts.signal.reason));
    if (opts.signal.aborted) return onAbort();
    socket.on('data', onData);
    // A socket paused by an earlier `keepRest` read flows again for this reader.
    socket.resume();
    socket.once('end', onEnd);
    socket.once('close', onEnd);
    socket.once('error', onError);
    opts.signal.addEventListener('abort', onAbort, { once: true });
  });
}
