/**
 * The TLS probe — what CI's TLS Connectivity Test checks, from the laptop: reach host:port along
 * the route, handshake with SNI, record protocol, cipher and the chain as sent, and judge it
 * against the local trust and the modelled CI keystore. Authorization is not tested (said so).
 */
import type { X509Certificate } from 'node:crypto';
import type { Socket } from 'node:net';
import { diagnose } from '../../../shared/probe/diagnosis';
import type { ProbeContext, ProbeRunner } from './engine-types';
import { openRoute } from './net/connect';
import type { Route } from './net/route';
import { releaseSockets } from './net/socket-io';
import { assessChain, type TrustSets } from './tls/assess-chain';
import { handshake, type ClientCertificate, type HandshakeResult } from './tls/handshake';

export interface TlsTarget {
  host: string;
  port: number;
  route: Route;
  trust: TrustSets;
  clientCertificate?: ClientCertificate;
  reducedFromUrl?: boolean;
  now?: () => Date;
}

const WEAK_PROTOCOLS = new Set(['SSLv3', 'TLSv1', 'TLSv1.1']);

/** Connects and handshakes; the caller owns (and must destroy) the returned sockets. */
export async function connectTls(ctx: ProbeContext, target: TlsTarget): Promise<{ tcp: Socket; tls: HandshakeResult }> {
  const tcp = await openRoute(ctx, target.route, target.host, target.port);
  try {
    const tls = await handshake(ctx, tcp, target.host, target.clientCertificate ? { clientCertificate: target.clientCertificate } : {});
    return { tcp, tls };
  } catch (e) {
    tcp.destroy();
    throw e;
  }
}

/** Runs the certificate checks as one step; returns whether the chain is acceptable to the client that matters. */
export async function checkCertificates(ctx: ProbeContext, chain: X509Certificate[], protocol: string, target: TlsTarget): Promise<boolean> {
  return ctx.step('certificates', 'Certificate checks', async (mark) => {
    const findings = assessChain(chain, target.host, target.trust, (target.now ?? (() => new Date()))());
    if (WEAK_PROTOCOLS.has(protocol)) findings.push(diagnose('tls.weak-protocol', { protocol }));
    for (const f of findings) ctx.finding(f);
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    if (errors.length) mark.fail?.(errors.map((f) => f.code).join(', '));
    else if (warnings.length) mark.warn(warnings.map((f) => f.code).join(', '));
    else mark.detail(target.trust.ciKeystore ? 'trusted by the modelled CI keystore' : 'trusted');
    return errors.length === 0;
  });
}

export function createTlsRunner(target: TlsTarget): ProbeRunner {
  return async (ctx) => {
    if (target.reducedFromUrl) ctx.finding(diagnose('model.url-reduced', { host: target.host, port: target.port }));
    const { tcp, tls } = await connectTls(ctx, target);
    try {
      await checkCertificates(ctx, tls.chain, tls.protocol, target);
      ctx.log('Authorization is not tested by the TLS probe (as in CI’s TLS connectivity test).');
    } finally {
      releaseSockets(tls.socket, tcp);
    }
  };
}
