/**
 * The AMQP 1.0 conversation over the probe's wire, with rhea: protocol header, SASL (PLAIN with the
 * user and password, ANONYMOUS without), open, one link to the address, detach and close. rhea
 * never opens a socket here (the wire is handed to it) and never reconnects; every wait is tied to
 * the probe's signal. The first failure rhea reports — however it reports it (a SASL outcome, a
 * connection, session or link error, a protocol error, the socket ending) — is kept and explained.
 */
import type { Connection, ConnectionOptions, Container } from 'rhea';
import type { AmqpWire } from './amqp-wire';

export interface AmqpError {
  /** Where it happened: before the broker opened the connection, or after. */
  phase: 'open' | 'link' | 'close';
  event: string;
  condition?: string;
  description?: string;
}

/** rhea's module, loaded only when an AMQP probe runs (CommonJS: its one export is a container). */
async function loadRhea(): Promise<{ create_container(o?: object): Container }> {
  const mod = (await import('rhea')) as unknown as { default?: unknown };
  return (mod.default ?? mod) as { create_container(o?: object): Container };
}

function errorOf(arg: unknown): { condition?: string; description?: string } {
  const a = arg as Record<string, { error?: unknown } | undefined> & { error?: unknown };
  const e = (a?.error ?? a?.sender?.error ?? a?.receiver?.error ?? a?.session?.error ?? a?.connection?.error ?? arg) as { condition?: unknown; description?: unknown; message?: unknown } | undefined;
  if (!e || typeof e !== 'object') return {};
  const text = typeof e.description === 'string' ? e.description : typeof e.message === 'string' ? e.message : undefined;
  return { ...(typeof e.condition === 'string' ? { condition: e.condition } : {}), ...(text ? { description: text } : {}) };
}

const FAILURE_EVENTS = ['connection_error', 'session_error', 'sender_error', 'receiver_error', 'protocol_error', 'error', 'disconnected'] as const;

export class AmqpConversation {
  failure?: AmqpError;
  phase: AmqpError['phase'] = 'open';
  private readonly listeners = new Set<() => void>();

  private constructor(readonly connection: Connection) {
    for (const event of FAILURE_EVENTS) {
      connection.on(event as 'error', (arg: unknown) => {
        // A clean close the probe asked for also ends the socket: not a failure.
        if (event === 'disconnected' && this.phase === 'close' && !errorOf(arg).condition) return;
        this.failure ??= { phase: this.phase, event, ...errorOf(arg) };
        this.notify();
      });
    }
    for (const event of ['connection_open', 'sender_open', 'receiver_open', 'connection_close', 'sender_close', 'receiver_close']) {
      connection.on(event as 'connection_open', () => this.notify());
    }
  }

  static async start(wire: AmqpWire, o: { host: string; user?: string; password?: string }): Promise<AmqpConversation> {
    const rhea = await loadRhea();
    const container = rhea.create_container({ id: 'landscape-setup-probe' });
    // Without a listener an 'error' a connection passes up would be thrown by the EventEmitter.
    container.on('error', () => undefined);
    const options: ConnectionOptions = {
      host: o.host,
      // Never dialled (connection_details hands over the wire); rhea's types want a port.
      port: 0,
      hostname: o.host,
      sasl_init_hostname: o.host,
      // PLAIN with user and password; with only a "user", rhea offers ANONYMOUS (its trace text).
      username: o.user ?? 'anonymous',
      ...(o.password !== undefined ? { password: o.password } : {}),
      reconnect: false,
      // Ignored by rhea beside connection_details: it never opens a socket of its own here.
      transport: 'tcp',
      max_frame_size: 65_536,
      container_id: 'landscape-setup-probe',
      connection_details: () => ({
        host: o.host,
        port: 0,
        connect: (_port: number, _host: string, _opts: unknown, connected: () => void) => {
          setImmediate(connected);
          return wire;
        },
      }),
    };
    return new AmqpConversation(container.connect(options));
  }

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolves when `done()` holds, rejects with the first failure, or on abort. */
  until(done: () => boolean, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (signal.aborted) return finish(() => reject(signal.reason));
        if (this.failure) return finish(() => reject(this.failure));
        if (done()) finish(resolve);
      };
      const finish = (fn: () => void) => {
        this.listeners.delete(check);
        signal.removeEventListener('abort', check);
        fn();
      };
      this.listeners.add(check);
      signal.addEventListener('abort', check, { once: true });
      check();
    });
  }
}

export function isAmqpError(e: unknown): e is AmqpError {
  return Boolean(e && typeof e === 'object' && 'phase' in e && 'event' in e);
}
