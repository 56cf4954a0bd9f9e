/**
 * TLS for the mailbox probes: SSL/TLS before the greeting, or after STARTTLS / STLS, through the
 * shared handshake() and checkCertificates(), so the CI profile judges the chain against the
 * modelled CI keystore before any user or password is sent. JavaMail reports a refused chain as
 * "Could not convert socket to TLS" (STARTTLS) or the PKIX failure itself (SSL/TLS).
 */
import type { Socket } from 'node:net';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext } from '../engine-types';
import { ProbeFailure, rawCodeOf } from '../probe-failure';
import { handshake } from '../tls/handshake';
import { checkCertificates } from '../tls-probe';
import type { MailLines } from './mail-lines';
import type { MailboxProbeOptions } from './mailbox-types';

const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_UNEXPECTED_MESSAGE', 'ERR_SSL_RECORD_LAYER_FAILURE']);

export async function secureMailbox(ctx: ProbeContext, lines: MailLines, tcp: Socket, opts: MailboxProbeOptions): Promise<void> {
  let tls;
  try {
    tls = await handshake(ctx, tcp, opts.host);
  } catch (e) {
    if (opts.protection === 'tls' && NOT_TLS.has(rawCodeOf(e) ?? '')) throw new ProbeFailure(diagnose('mail.implicit.not-tls', { host: opts.host, port: opts.port }));
    throw e;
  }
  lines.socket = tls.socket;
  if (!(await checkCertificates(ctx, tls, opts))) throw new ProbeFailure(diagnose('mail.tls.untrusted'));
  ctx.log('the chain is accepted: the login goes over TLS');
}
