/**
 * The TLS probe — what CI's TLS Connectivity Test checks, from the laptop: reach host:port along
 * the route, handshake with SNI, record protocol, cipher and the chain as sent, and judge it
 * against the local trust and the modelled CI keystore. Authorization is not tested (said so).
 */
import type { Socket } from 'node:net';
import { diagnose } from '../../../shared/probe/diagnosis';
import type { ProbeContext, ProbeRunner } from './engine-types';
import { openRoute } from './net/connect';
import type { Route } from './net/route';
import { releaseSockets } from './net/socket-io';
import type { TrustSets } from './tls/assess-chain';
import { judgeTlsServer, TLS_PROFILE_LABELS, type ServerHandshake } from './tls/client-profile';
import { handshake, type ClientCertificate, type HandshakeResult } from './tls/handshake';

export interface TlsTarget {
  host: string;
  port: number;
  route: Route;
  trust: TrustSets;
  clientCertificate?: ClientCertificate;
  reducedFromUrl?: boolean;
  now?: () => Date;
  /** Dial this address instead of resolving `host` (host still gives SNI and identity), like curl --resolve. */
  dialAddress?: string;
}

/** Connects and handshakes; the caller owns (and must destroy) the returned sockets. */
export async function connectTls(ctx: ProbeContext, target: TlsTarget): Promise<{ tcp: Socket; tls: HandshakeResult }> {
  const tcp = await openRoute(ctx, target.route, target.host, target.port, target.dialAddress);
  try {
    const tls = await handshake(ctx, tcp, target.host, target.clientCertificate ? { clientCertificate: target.clientCertificate } : {});
    return { tcp, tls };
  } catch (e) {
    tcp.destroy();
    throw e;
  }
}

/**
 * Judges the handshake as the client that matters (the TLS client profile: CI or the sender), as one
 * step; returns whether that client connects. HTTPS, SMTP and the token request call this too.
 */
export async function checkCertificates(ctx: ProbeContext, tls: ServerHandshake, target: Pick<TlsTarget, 'host' | 'trust' | 'now'>): Promise<boolean> {
  return ctx.step('certificates', 'Certificate checks', async (mark) => {
    const judged = judgeTlsServer(tls, target.host, target.trust, (target.now ?? (() => new Date()))());
    ctx.fact('tlsClientProfile', TLS_PROFILE_LABELS[judged.profile]);
    for (const f of judged.findings) ctx.finding(f);
    const errors = judged.findings.filter((f) => f.severity === 'error');
    const warnings = judged.findings.filter((f) => f.severity === 'warning');
    const who = judged.profile === 'ci' ? 'Cloud Integration' : 'the sender';
    if (errors.length) mark.fail?.(`${who} refuses the certificate (${errors.length === 1 ? 'see the finding' : `${errors.length} findings`} below)`);
    else if (warnings.length) mark.warn(`${who} connects, with ${warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`} (see below)`);
    else mark.detail(judged.profile === 'ci' ? 'Cloud Integration connects (trusted by the modelled CI keystore)' : 'the sender connects (trusted)');
    return judged.accepted;
  });
}

/**
 * The client of the profile refuses the server (its certificate findings say why): like it, the
 * probe sends nothing over this connection — no request, no credentials to a server the real
 * client would not trust. The step is shown as not sent and the probe ends failed.
 */
export async function refuseToSend(ctx: ProbeContext, id: string, label: string): Promise<never> {
  await ctx.step(id, label, async (mark) => mark.skip('not sent: the client refuses this server’s certificate, so no request and no credentials went to it'));
  throw new Error('the server certificate is refused');
}

export function createTlsRunner(target: TlsTarget): ProbeRunner {
  return async (ctx) => {
    if (target.reducedFromUrl) ctx.finding(diagnose('model.url-reduced', { host: target.host, port: target.port }));
    const { tcp, tls } = await connectTls(ctx, target);
    try {
      await checkCertificates(ctx, tls, target);
      ctx.log('Authorization is not tested by the TLS probe (as in CI’s TLS connectivity test).');
    } finally {
      releaseSockets(tls.socket, tcp);
    }
  };
}
