/**
 * The HTTPS probe: the TLS probe's checks, then one harmless request with the pathway's
 * authentication, acting as the side that really calls — the sender for inbound pathways (HEAD,
 * so no iFlow message is triggered), Cloud Integration with its modelled keystore for outbound.
 */
import { diagnose } from '../../../shared/probe/diagnosis';
import { interpretHttpAnswer, type Direction, type HttpsAuthKind } from '../../../shared/probe/http-verdict';
import type { ProbeContext, ProbeRunner } from './engine-types';
import { exchange, type HttpRequest, type HttpResponse } from './https/http-exchange';
import { fetchToken, type ClientCredentials } from './https/oauth-token';
import { ProbeFailure, rawCodeOf } from './probe-failure';
import { checkCertificates, connectTls, refuseToSend, type TlsTarget } from './tls-probe';
import { oneLineName, parsePemBundle } from './tls/certificates';
import { inboundClientCertificateFindings } from './tls/inbound-client-rules';
import type { ClientCertificate } from './tls/handshake';
import { codeForNodeError } from '../../../shared/probe/diagnosis';

export type HttpsAuth =
  | { kind: 'none' }
  | { kind: 'basic'; user: string; password: string }
  | { kind: 'client-certificate'; certificate: ClientCertificate }
  | ({ kind: 'oauth2-client-credentials' } & ClientCredentials);

export interface HttpsTarget extends Omit<TlsTarget, 'clientCertificate'> {
  path: string;
  direction: Direction;
  auth: HttpsAuth;
}

export function createHttpsRunner(t: HttpsTarget): ProbeRunner {
  return async (ctx) => {
    const headers: Record<string, string> = {};
    if (t.auth.kind === 'basic') {
      ctx.secret(t.auth.password);
      const basic = Buffer.from(`${t.auth.user}:${t.auth.password}`).toString('base64');
      ctx.secret(basic);
      headers.Authorization = `Basic ${basic}`;
    }
    const clientCertificate = t.auth.kind === 'client-certificate' ? t.auth.certificate : undefined;
    const clientSubject = clientCertificate ? inspectClientCertificate(ctx, clientCertificate, t) : undefined;
    if (t.auth.kind === 'oauth2-client-credentials') headers.Authorization = `Bearer ${await fetchToken(ctx, t.auth)}`;

    const response = await request(ctx, { ...t, ...(clientCertificate ? { clientCertificate } : {}) }, headers, t.direction === 'inbound' ? 'HEAD' : 'GET');
    const input = { direction: t.direction, auth: t.auth.kind as HttpsAuthKind, path: t.path, ...(clientSubject ? { clientSubject } : {}) };
    let findings = interpretHttpAnswer(response, input);
    if (response.status === 403 && t.direction === 'inbound' && findings[0]?.code === 'http.403-inbound') {
      findings = await checkCsrf(ctx, { ...t, ...(clientCertificate ? { clientCertificate } : {}) }, headers, findings);
    }
    for (const f of findings) ctx.finding(f);
  };
}

async function request(ctx: ProbeContext, t: HttpsTarget & TlsTarget, headers: Record<string, string>, method: HttpRequest['method']): Promise<HttpResponse> {
  const { tcp, tls } = await connectTls(ctx, t);
  try {
    if (!(await checkCertificates(ctx, tls, t))) await refuseToSend(ctx, 'http', `${method} ${t.path}`);
    return await ctx.step('http', `${method} ${t.path}`, async (mark) => {
      let res: HttpResponse;
      try {
        res = await exchange(ctx, tls.socket, { method, host: t.host, port: t.port, path: t.path, headers });
      } catch (e) {
        throw explainExchangeError(e, t, ctx);
      }
      const summary = `HTTP ${res.status} ${res.statusText}`.trim();
      ctx.fact('httpStatus', res.status);
      if (res.status >= 400) mark.fail?.(summary);
      else mark.detail(summary);
      return res;
    });
  } finally {
    tls.socket.destroy();
    tcp.destroy();
  }
}

/** A TLS 1.3 server rejects a client certificate after the handshake: the alert arrives on the first read. */
function explainExchangeError(e: unknown, t: HttpsTarget, ctx: ProbeContext): unknown {
  if (ctx.signal.aborted) return e;
  const raw = rawCodeOf(e);
  const code = codeForNodeError(raw);
  // Some servers (Node's own, with rejectUnauthorized) send no alert: they just close the
  // connection after the handshake that carried our client certificate.
  const closedAfterCert = code === 'net.reset' && t.auth.kind === 'client-certificate';
  if (closedAfterCert) {
    if (t.direction === 'inbound') return new ProbeFailure(diagnose('inbound.client-cert-rejected'));
    return new ProbeFailure(diagnose('tls.client-cert-rejected', { detail: 'the server closed the connection right after the handshake with the client certificate, before answering' }));
  }
  if (code === 'tls.client-cert-rejected' || code === 'tls.client-cert-required') {
    if (t.direction === 'inbound') return new ProbeFailure(diagnose('inbound.client-cert-rejected'));
    return new ProbeFailure({ ...diagnose(code, { detail: raw }), message: `${diagnose(code, { detail: raw }).message} [${raw}]` });
  }
  return e;
}

function inspectClientCertificate(ctx: ProbeContext, c: ClientCertificate, t: HttpsTarget): string | undefined {
  if (c.passphrase) ctx.secret(c.passphrase);
  const chain = parsePemBundle(c.chainPem);
  const leaf = chain[0];
  if (!leaf) return undefined;
  // Inbound, the load balancer's client-certificate rules apply (the roots it trusts: the sender's view).
  if (t.direction === 'inbound') for (const f of inboundClientCertificateFindings(chain, t.host, t.trust.local)) ctx.finding(f);
  return oneLineName(leaf.subject);
}

/** 403 from CI: is it the role, or a CSRF-protected endpoint the sender must fetch a token for? */
async function checkCsrf(ctx: ProbeContext, t: HttpsTarget & TlsTarget, headers: Record<string, string>, role: ReturnType<typeof interpretHttpAnswer>) {
  try {
    const res = await request(ctx, t, { ...headers, 'X-CSRF-Token': 'Fetch' }, 'HEAD');
    const token = res.headers['x-csrf-token'];
    if (res.status < 300 && token && token.toLowerCase() !== 'required') return [diagnose('http.403-csrf')];
  } catch (e) {
    if (ctx.signal.aborted) throw e;
  }
  return role;
}
