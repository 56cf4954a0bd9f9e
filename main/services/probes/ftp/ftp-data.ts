/**
 * The FTP data connection as CI's adapter opens it: passive mode only (EPSV, then PASV), along the
 * probe's route (a second CONNECT tunnel through a proxy), TLS when the session is protected
 * (PROT P) — resuming the control connection's TLS session unless told not to, which is how the
 * probe learns whether the server demands resumption. Connect failures are the passive-port finding.
 */
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import { isIP, type Socket } from 'node:net';
import { FTPError, type FTPContext } from 'basic-ftp';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext } from '../engine-types';
import { openTcp, openTunnel } from '../net/connect';
import type { Route } from '../net/route';
import { guardSocket } from '../net/socket-io';
import { ProbeFailure, rawCodeOf } from '../probe-failure';

/** A firewall that drops packets would hold the connect until the deadline; a passive port answers at once or not at all. */
const DATA_CONNECT_MS = 5_000;

export interface DataChannel {
  host: string;
  /** The address the control connection reached (EPSV means: the same host). */
  controlAddress: string;
  route: Route;
  /** The control connection's TLS socket when the session is protected (PROT P). */
  controlTls?: TLSSocket;
  resume: boolean;
  /** Set once a TLS data connection finished its handshake: whether the session was resumed. */
  onSecure?: (resumed: boolean) => void;
}

function passivePort(message: string): number | undefined {
  const m = /\(\|\|\|(\d+)\|\)/.exec(message);
  return m ? Number(m[1]) : undefined;
}

function pasvTarget(message: string): { host: string; port: number } | undefined {
  const m = /(\d+),(\d+),(\d+),(\d+),(\d+),(\d+)/.exec(message);
  if (!m) return undefined;
  const n = m.slice(1).map(Number);
  return { host: n.slice(0, 4).join('.'), port: (n[4]! & 255) * 256 + (n[5]! & 255) };
}

async function askPassive(ftp: FTPContext): Promise<{ port: number; pasvHost?: string; reply: string }> {
  try {
    const res = await ftp.request('EPSV');
    const port = passivePort(res.message);
    if (port) return { port, reply: res.message };
  } catch (e) {
    if (!(e instanceof FTPError)) throw e;
  }
  try {
    const res = await ftp.request('PASV');
    const t = pasvTarget(res.message);
    if (!t) throw new ProbeFailure(diagnose('ftp.passive.refused', { reply: res.message }));
    return { port: t.port, pasvHost: t.host, reply: res.message };
  } catch (e) {
    if (e instanceof FTPError) throw new ProbeFailure(diagnose('ftp.passive.refused', { reply: e.message }));
    throw e;
  }
}

async function dial(ctx: ProbeContext, ch: DataChannel, host: string, port: number): Promise<Socket> {
  const signal = AbortSignal.any([ctx.signal, AbortSignal.timeout(DATA_CONNECT_MS)]);
  try {
    const socket = ch.route.kind === 'direct'
      ? await openTcp(host, port, signal)
      : await openTunnel(ch.route, ch.host, port, signal, (l) => ctx.log(l), (s) => ctx.secret(s));
    return guardSocket(socket, ctx.signal);
  } catch (e) {
    if (ctx.signal.aborted || e instanceof ProbeFailure) throw e;
    const detail = signal.aborted ? `no answer within ${DATA_CONNECT_MS / 1000} s` : (rawCodeOf(e) === 'ECONNREFUSED' ? 'connection refused' : (rawCodeOf(e) ?? 'connection failed'));
    throw new ProbeFailure(diagnose('ftp.passive.blocked', { dataPort: port, detail }));
  }
}

/** basic-ftp's `prepareTransfer` for this probe: passive mode along the route, TLS as the control connection. */
export function passiveTransfer(ctx: ProbeContext, ch: DataChannel) {
  return async (ftp: FTPContext) => {
    const { port, pasvHost, reply } = await askPassive(ftp);
    // PASV may announce a private address behind NAT; like CI (and curl), dial the control host for one.
    const host = pasvHost && isIP(pasvHost) && !pasvHost.startsWith('127.') && pasvHost !== ch.controlAddress ? pasvHost : ch.controlAddress;
    ctx.log(`data connection: passive port ${port}${pasvHost ? ` (PASV ${pasvHost})` : ' (EPSV)'}`);
    const raw = await dial(ctx, ch, host, port);
    if (!ch.controlTls) {
      ftp.dataSocket = raw;
      return { code: 0, message: reply };
    }
    const session = ch.resume ? ch.controlTls.getSession() : undefined;
    const tls = guardSocket(
      tlsConnect({ socket: raw, rejectUnauthorized: false, ...(isIP(ch.host) ? {} : { servername: ch.host }), ...(session ? { session } : {}) }),
      ctx.signal,
    );
    tls.once('secureConnect', () => ch.onSecure?.(tls.isSessionReused()));
    ftp.dataSocket = tls;
    return { code: 0, message: reply };
  };
}
