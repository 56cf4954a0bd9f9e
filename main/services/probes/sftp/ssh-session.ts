/**
 * One SSH connection attempt with ssh2, reporting what the probe needs: the host key (always, even
 * when it is refused), the server's signature algorithms, the algorithms the server offered, and
 * which authentication step failed. The host key verdict is taken SYNCHRONOUSLY: ssh2 treats any
 * non-undefined return of `hostVerifier` as the verdict, so an async verifier (a Promise) would
 * accept every host.
 */
import type { Duplex } from 'node:stream';
import { Client, type Algorithms, type AuthenticationType, type NextAuthHandler } from 'ssh2';
import { PROBE_ALGORITHMS } from './probe-algorithms';

export type AuthStep =
  | { type: 'password'; username: string; password: string }
  | { type: 'publickey'; username: string; key: string; passphrase?: string };

export interface SshAttempt {
  host: string;
  port: number;
  /** An open connection to speak SSH over (a proxy tunnel); otherwise host:port is dialled. */
  sock?: Duplex;
  deadlineAt: number;
  signal: AbortSignal;
  /** Called once with the raw host key; returns true to go on, false to refuse. */
  acceptHostKey: (raw: Buffer) => boolean;
  /** Steps tried in order (dual = publickey then password); empty = stop after the host key. */
  auth: AuthStep[];
  algorithms?: Algorithms;
  /**
   * Sign with ssh-rsa (SHA-1) as an older SSH client would: ssh2 picks rsa-sha2 from the server's
   * server-sig-algs, which OpenSSH fills with every algorithm it knows, accepted or not.
   */
  forceRsaSha1?: boolean;
  log: (line: string) => void;
  /** Each algorithm list the server offered ("KEX method: a,b"), as soon as ssh2 reads it. */
  onOffer?: (line: string) => void;
}

export type SshFailureKind = 'hostkey-refused' | 'negotiation' | 'auth' | 'timeout' | 'network' | 'cancelled';

export class SshFailure extends Error {
  constructor(
    readonly kind: SshFailureKind,
    message: string,
    readonly report: SshReport,
    /** The socket's error code (ECONNREFUSED, …), so the engine can explain it. */
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface SshReport {
  hostKey?: Buffer;
  serverSigAlgs?: string[];
  remoteOffers: string[];
  /** Methods the server said can continue, after the last failure. */
  methodsOffered: string[];
  /** Auth steps that the server refused (type). */
  refused: AuthStep['type'][];
  /** What the server said can continue right after it refused each step. */
  offeredAfter: Partial<Record<AuthStep['type'], string[]>>;
  partialSuccess: boolean;
}

export interface SshSession {
  client: Client;
  report: SshReport;
}

/** Watches EXT_INFO (RFC 8308) for server-sig-algs; ssh2 keeps it private, so tap its handler. */
function tapServerSigAlgs(client: Client, report: SshReport, forceRsaSha1: boolean): void {
  const proto = (client as unknown as { _protocol?: { _handlers?: Record<string, unknown> } })._protocol;
  const handlers = proto?._handlers;
  const original = handlers?.EXT_INFO;
  if (!handlers || typeof original !== 'function') return;
  handlers.EXT_INFO = (p: unknown, exts: { name: string; algs?: string[] }[]) => {
    const sig = exts?.find((e) => e.name === 'server-sig-algs');
    if (sig?.algs) report.serverSigAlgs = sig.algs;
    const passOn = forceRsaSha1 ? [{ name: 'server-sig-algs', algs: ['ssh-rsa'] }] : exts;
    return (original as (p: unknown, e: unknown) => unknown)(p, passOn);
  };
}

function classify(err: Error & { level?: string }, hostKeyRefused: boolean): SshFailureKind {
  if (hostKeyRefused) return 'hostkey-refused';
  if (/no matching|Handshake failed/i.test(err.message)) return 'negotiation';
  if (err.level === 'client-authentication' || /authentication methods failed/i.test(err.message)) return 'auth';
  if (err.level === 'client-timeout' || /timed out/i.test(err.message)) return 'timeout';
  return 'network';
}

export function openSshSession(attempt: SshAttempt): Promise<SshSession> {
  const report: SshReport = { remoteOffers: [], methodsOffered: [], refused: [], offeredAfter: {}, partialSuccess: false };
  const client = new Client();
  const queue = [...attempt.auth];
  let current: AuthStep | undefined;
  let hostKeyRefused = false;

  return new Promise<SshSession>((resolve, reject) => {
    let settled = false;
    const finish = (e?: SshFailure): void => {
      if (settled) return;
      settled = true;
      attempt.signal.removeEventListener('abort', onAbort);
      if (e) {
        client.end();
        reject(e);
      } else resolve({ client, report });
    };
    const onAbort = (): void => finish(new SshFailure('cancelled', 'cancelled or deadline passed', report));
    attempt.signal.addEventListener('abort', onAbort);

    const authHandler = (methodsLeft: AuthenticationType[] | null, partial: boolean | null, next: NextAuthHandler): void => {
      if (methodsLeft) report.methodsOffered = [...methodsLeft];
      if (current) {
        if (partial) report.partialSuccess = true;
        else {
          report.refused.push(current.type);
          report.offeredAfter[current.type] = [...(methodsLeft ?? [])];
        }
      }
      current = queue.shift();
      if (!current) return next(false as unknown as AuthenticationType);
      attempt.log(`auth: trying ${current.type} as ${current.username}`);
      next(current as unknown as AuthenticationType);
    };

    client.on('ready', () => finish());
    client.on('error', (e: Error & { level?: string; code?: string }) => {
      const kind = classify(e, hostKeyRefused);
      finish(new SshFailure(kind, e.message, report, typeof e.code === 'string' ? e.code : undefined));
    });
    client.on('close', () => finish(new SshFailure('network', 'connection closed', report)));

    client.connect({
      ...(attempt.sock ? { sock: attempt.sock } : { host: attempt.host, port: attempt.port }),
      username: attempt.auth[0]?.username ?? 'probe',
      // Past the deadline on purpose: the caller's signal (the engine's deadline) ends the attempt,
      // so a timeout is reported as the probe's deadline, not as an ssh2 error racing it.
      readyTimeout: Math.max(1, attempt.deadlineAt - Date.now()) + 2000,
      algorithms: attempt.algorithms ?? PROBE_ALGORITHMS,
      authHandler: attempt.auth.length ? (authHandler as never) : (['none'] as never),
      debug: (line: string) => {
        if (!line.includes('(remote)')) return;
        const offer = line.replace(/^.*\(remote\)\s*/, '');
        report.remoteOffers.push(offer);
        attempt.onOffer?.(offer);
      },
      // Synchronous on purpose (see the file comment).
      hostVerifier: (raw: Buffer): boolean => {
        report.hostKey = Buffer.from(raw);
        const accepted = attempt.acceptHostKey(report.hostKey);
        hostKeyRefused = !accepted;
        return accepted;
      },
    });
    tapServerSigAlgs(client, report, attempt.forceRsaSha1 === true);
  });
}
