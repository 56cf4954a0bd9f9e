/**
 * OAuth2 client credentials, as a sender does it against XSUAA (or CI against a receiver's token
 * endpoint): POST grant_type=client_credentials with the client's id and secret as Basic, read the
 * access_token. The token and the secret are registered as secrets before anything is logged.
 */
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext } from '../engine-types';
import type { Route } from '../net/route';
import { ProbeFailure } from '../probe-failure';
import { connectTls, checkCertificates, refuseToSend } from '../tls-probe';
import type { TrustSets } from '../tls/assess-chain';
import { exchange } from './http-exchange';

export interface ClientCredentials {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  route: Route;
  trust: TrustSets;
}

export async function fetchToken(ctx: ProbeContext, c: ClientCredentials): Promise<string> {
  ctx.secret(c.clientSecret);
  const basic = Buffer.from(`${c.clientId}:${c.clientSecret}`).toString('base64');
  ctx.secret(basic);
  let url: URL;
  try {
    url = new URL(c.tokenUrl);
  } catch {
    throw new ProbeFailure(diagnose('model.endpoint-invalid', { detail: 'the token URL is not a URL' }));
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port || 443);
  const target = { host, port, route: c.route, trust: c.trust };
  const { tcp, tls } = await connectTls(ctx, target);
  try {
    if (!(await checkCertificates(ctx, tls, target))) await refuseToSend(ctx, 'token', `Token request to ${host}`);
    return await ctx.step('token', `Token request to ${host}`, async (mark) => {
      const res = await exchange(ctx, tls.socket, {
        method: 'POST',
        host,
        port,
        path: `${url.pathname}${url.search}` || '/oauth/token',
        headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
        body: `grant_type=client_credentials&client_id=${encodeURIComponent(c.clientId)}`,
      });
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(res.body) as Record<string, unknown>;
      } catch {
        // Not JSON: judged by status below.
      }
      const token = typeof json.access_token === 'string' ? json.access_token : undefined;
      if (token) ctx.secret(token);
      if (res.status === 400 || res.status === 401 || res.status === 403) {
        const error = typeof json.error === 'string' ? `: ${json.error}` : '';
        throw new ProbeFailure(diagnose('oauth.token-refused', { status: res.status, error }));
      }
      if (res.status !== 200 || !token) throw new ProbeFailure(diagnose('oauth.token-invalid', { status: res.status }));
      mark.detail(`token received (${typeof json.token_type === 'string' ? json.token_type : 'bearer'})`);
      return token;
    });
  } finally {
    tls.socket.destroy();
    tcp.destroy();
  }
}
