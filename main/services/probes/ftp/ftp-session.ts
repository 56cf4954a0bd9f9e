/**
 * The FTP control connection of the probe: basic-ftp's FTPContext over a socket we opened along the
 * route, greeting, AUTH TLS (explicit) or TLS first (implicit) through the shared handshake() and
 * checkCertificates(), so the CI profile judges the chain; then login. Replies go to the transcript.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { Client, FTPError, type FTPResponse } from 'basic-ftp';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext } from '../engine-types';
import { openRoute } from '../net/connect';
import { ProbeFailure, rawCodeOf } from '../probe-failure';
import { handshake } from '../tls/handshake';
import { checkCertificates } from '../tls-probe';
import type { FtpProbeOptions } from './ftp-types';

export interface FtpSession {
  client: Client;
  tcp: Socket;
  controlTls?: TLSSocket;
}

/** The FTP reply text as the server wrote it ("530 Login incorrect."). */
export function replyOf(e: unknown): string {
  if (e instanceof FTPError) return `${e.code} ${e.message.replace(/^\d{3}[ -]/, '')}`.trim();
  return rawCodeOf(e) ?? (e instanceof Error ? e.message : String(e));
}

const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_UNEXPECTED_MESSAGE', 'ERR_SSL_RECORD_LAYER_FAILURE']);

async function secure(ctx: ProbeContext, s: FtpSession, opts: FtpProbeOptions): Promise<void> {
  let tls;
  try {
    tls = await handshake(ctx, s.tcp, opts.host);
  } catch (e) {
    if (opts.protection === 'implicit' && NOT_TLS.has(rawCodeOf(e) ?? '')) throw new ProbeFailure(diagnose('ftp.implicit.not-tls', { host: opts.host, port: opts.port }));
    throw e;
  }
  s.controlTls = tls.socket;
  if (!(await checkCertificates(ctx, tls, opts))) throw new ProbeFailure(diagnose('ftp.tls.untrusted'));
  s.client.ftp.socket = tls.socket;
}

function greeting(s: FtpSession): Promise<FTPResponse> {
  return s.client.ftp.handle(undefined, (res, task) => {
    if (res instanceof Error) task.reject(res);
    else if (res.code >= 200 && res.code < 300) task.resolve(res);
    else task.reject(new FTPError(res));
  });
}

export async function openSession(ctx: ProbeContext, opts: FtpProbeOptions): Promise<FtpSession> {
  const tcp = await openRoute(ctx, opts.route, opts.host, opts.port);
  // No timeout of its own: the engine's deadline aborts the sockets.
  const client = new Client(0);
  client.ftp.verbose = true;
  // basic-ftp logs "> PASS ###" itself; every line still passes the redactor.
  client.ftp.log = (line: string) => ctx.log(line.trim());
  const s: FtpSession = { client, tcp };
  if (opts.protection === 'implicit') await secure(ctx, s, opts);
  else client.ftp.socket = tcp;
  await ctx.step('greeting', 'Greeting', async (mark) => {
    try {
      const r = await greeting(s);
      ctx.fact('ftpGreeting', r.message);
      mark.detail(r.message);
    } catch (e) {
      if (e instanceof FTPError) throw new ProbeFailure(diagnose('ftp.greeting', { host: opts.host, port: opts.port, reply: replyOf(e) }));
      throw e;
    }
  });
  if (opts.protection === 'explicit') {
    await ctx.step('auth-tls', 'AUTH TLS', async (mark) => {
      try {
        const r = await client.send('AUTH TLS');
        mark.detail(r.message);
      } catch (e) {
        if (e instanceof FTPError) throw new ProbeFailure(diagnose('ftp.auth-tls.refused', { reply: replyOf(e) }));
        throw e;
      }
    });
    await secure(ctx, s, opts);
  }
  ctx.fact('ftpEncrypted', opts.protection !== 'off');
  return s;
}

export async function login(ctx: ProbeContext, s: FtpSession, opts: FtpProbeOptions): Promise<void> {
  const user = opts.user ?? 'anonymous';
  await ctx.step('login', 'Log in', async (mark) => {
    try {
      await s.client.login(user, opts.password ?? 'anonymous@');
    } catch (e) {
      if (!(e instanceof FTPError)) throw e;
      const reply = replyOf(e);
      if (opts.protection === 'off' && /encrypt|ssl|tls|secure/i.test(reply)) throw new ProbeFailure(diagnose('ftp.tls-required', { reply }));
      throw new ProbeFailure(diagnose('ftp.login.failed', { user, reply }));
    }
    mark.detail(`logged in as ${user}${opts.user ? '' : ' (anonymous)'}`);
  });
  // TYPE I, and for FTPS PBSZ 0 + PROT P: the data connection is encrypted as well, as CI's adapter does.
  await s.client.useDefaultSettings();
}
