/**
 * The HTTPS probe against nginx (Basic via htpasswd made by openssl, mTLS with ssl_verify_client on,
 * an OAuth2 token endpoint) and through a CONNECT proxy: each failure case → its finding, and the
 * canary password appears in no result.
 */
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { createHttpsRunner, type HttpsAuth } from '../../../main/services/probes/https-probe';
import { createRedactor, silentLogger } from '../../../main/services/logger';
import type { Route } from '../../../main/services/probes/net/route';
import type { TrustSets } from '../../../main/services/probes/tls/assess-chain';
import { startConnectProxy, type RunningProxy } from '../../peers/connect-proxy';
import { ciLikeLocations, htpasswdLine, startNginx, tokenFiles, type RunningNginx } from '../../peers/nginx';
import { createTestPki, type TestPki } from '../../peers/pki';

const CANARY = 'canary-Pw-5f3a9c1e';
const TOKEN = 'tok-7d1e2b9a44c0';
let pki: TestPki;
let nginx: RunningNginx;
let proxy: RunningProxy;
let trust: TrustSets;
const engine = createProbeEngine({ redactor: createRedactor(), log: silentLogger });
const seen: string[] = [];

beforeAll(async () => {
  pki = await createTestPki();
  const chain = pki.server.certPem + pki.intermediate.certPem;
  nginx = await startNginx(
    [
      { chainPem: chain, keyPem: pki.server.keyPem, locations: ciLikeLocations(TOKEN) },
      { chainPem: chain, keyPem: pki.server.keyPem, clientCaPem: pki.root.certPem + pki.intermediate.certPem, locations: 'location / { return 200 "mtls ok"; }' },
    ],
    htpasswdLine('sb-clientid', CANARY),
    tokenFiles(TOKEN),
  );
  proxy = await startConnectProxy({ user: 'proxyuser', password: `${CANARY}-proxy` });
  const root = new X509Certificate(pki.root.certPem);
  trust = { local: [root], localRole: 'sender', ciKeystore: [root] };
});
afterAll(async () => {
  await nginx?.stop();
  await proxy?.stop();
  for (const s of seen) expect(s).not.toContain(CANARY);
});

const basic = (password = CANARY): HttpsAuth => ({ kind: 'basic', user: 'sb-clientid', password });
async function probe(server: 0 | 1, path: string, direction: 'inbound' | 'outbound', auth: HttpsAuth, route: Route = { kind: 'direct' }) {
  const port = nginx.ports[server]!;
  const r = await engine.run({ kind: 'https', target: { host: 'localhost', port }, runner: createHttpsRunner({ host: 'localhost', port, path, direction, auth, route, trust }) });
  seen.push(JSON.stringify(r));
  return { r, codes: r.findings.map((f) => f.code) };
}

describe('inbound (the probe acts as the sender)', () => {
  it('passes with the service key credentials', async () => {
    const { r, codes } = await probe(0, '/cxf/s4/product', 'inbound', basic());
    expect(r.verdict).toBe('passed');
    expect(codes).toEqual([]);
    expect(r.transcript.join('\n')).toContain('Authorization: Basic [redacted]');
  });
  it('401 → the service key clientid/clientsecret, in the BTP cockpit', async () => {
    const { r, codes } = await probe(0, '/cxf/s4/product', 'inbound', basic('wrong-password'));
    expect(codes).toEqual(['http.401-inbound-basic']);
    expect(r.findings[0]?.whereToFix).toBe('btp-cockpit');
    expect(r.findings[0]?.literal).toContain('unauthorized_user');
  });
  it('403 → role vs the sender adapter User Role', async () => {
    expect((await probe(0, '/http/forbidden', 'inbound', basic())).codes).toEqual(['http.403-inbound']);
  });
  it('403 with a CSRF-protected endpoint → fetch the token first', async () => {
    expect((await probe(0, '/http/csrf', 'inbound', basic())).codes).toEqual(['http.403-csrf']);
  });
  it('404 → address or iFlow not deployed', async () => {
    const { r, codes } = await probe(0, '/http/not-deployed', 'inbound', basic());
    expect(codes).toEqual(['http.404-inbound']);
    expect(r.findings[0]?.message).toContain('/http/not-deployed');
  });
  it('a client certificate the server does not accept → chain / CA / clientAuth', async () => {
    const { codes } = await probe(1, '/', 'inbound', { kind: 'client-certificate', certificate: { keyPem: pki.otherClient.keyPem, chainPem: pki.otherClient.certPem } });
    // Only the leaf is sent and its root is unknown here: the missing chain is named before the refusal.
    expect(codes).toEqual(['inbound.client-cert-chain-incomplete', 'inbound.client-cert-rejected']);
  });
});

describe('outbound (the probe acts as Cloud Integration)', () => {
  it('passes mTLS with the key pair CI will hold', async () => {
    const { r } = await probe(1, '/', 'outbound', { kind: 'client-certificate', certificate: { keyPem: pki.client.keyPem, chainPem: pki.client.certPem + pki.intermediate.certPem } });
    expect(r.verdict).toBe('passed');
    expect(r.facts?.clientCertificate).toContain('sscv2-client.example');
  });
  it("no client certificate → recognised from nginx's HTTP 400 page", async () => {
    const { r, codes } = await probe(1, '/', 'outbound', { kind: 'none' });
    expect(codes).toEqual(['http.client-cert-missing']);
    expect(r.findings[0]?.whereToFix).toBe('ci-monitor');
  });
  it('an untrusted client certificate → the receiver must trust its issuer', async () => {
    const { codes } = await probe(1, '/', 'outbound', { kind: 'client-certificate', certificate: { keyPem: pki.otherClient.keyPem, chainPem: pki.otherClient.certPem } });
    expect(codes).toEqual(['http.client-cert-untrusted']);
  });
  it('401 → the User Credentials in the CI monitor', async () => {
    const { r, codes } = await probe(0, '/sap/opu/odata/sap/API_PRODUCT_SRV', 'outbound', basic('wrong'));
    expect(codes).toEqual(['http.401-outbound']);
    expect(r.findings[0]?.whereToFix).toBe('ci-monitor');
  });
  it('OAuth2 client credentials: token request, then the bearer call', async () => {
    const port = nginx.ports[0]!;
    const auth: HttpsAuth = { kind: 'oauth2-client-credentials', tokenUrl: `https://localhost:${port}/oauth/token`, clientId: 'sb-clientid', clientSecret: CANARY, route: { kind: 'direct' }, trust };
    const { r } = await probe(0, '/api/bearer/entity', 'outbound', auth);
    expect(r.verdict).toBe('passed');
    expect(r.steps.map((s) => s.id)).toContain('token');
    expect(JSON.stringify(r)).not.toContain(TOKEN);
  });
  it('OAuth2 with a wrong secret → the token endpoint refused the client', async () => {
    const port = nginx.ports[0]!;
    const auth: HttpsAuth = { kind: 'oauth2-client-credentials', tokenUrl: `https://localhost:${port}/oauth/token`, clientId: 'sb-clientid', clientSecret: 'nope-nope', route: { kind: 'direct' }, trust };
    const { r, codes } = await probe(0, '/api/bearer/entity', 'outbound', auth);
    expect(r.verdict).toBe('failed');
    expect(codes).toEqual(['oauth.token-refused']);
  });
});

describe('proxy routes', () => {
  it('tunnels through an explicit HTTP proxy with Basic auth and names the route', async () => {
    const route: Route = { kind: 'proxy', source: 'pathway', host: '127.0.0.1', port: proxy.port, user: 'proxyuser', password: `${CANARY}-proxy` };
    const { r } = await probe(0, '/cxf/s4/product', 'inbound', basic(), route);
    expect(r.verdict).toBe('passed');
    expect(r.route).toContain(`127.0.0.1:${proxy.port}`);
    expect(proxy.tunnels).toContain(`localhost:${nginx.ports[0]}`);
  });
  it('407 from the proxy → proxy credentials, in the network', async () => {
    const route: Route = { kind: 'proxy', source: 'environment', host: '127.0.0.1', port: proxy.port };
    const { r, codes } = await probe(0, '/cxf/s4/product', 'inbound', basic(), route);
    expect(codes).toEqual(['proxy.auth-required']);
    expect(r.findings[0]?.whereToFix).toBe('network');
  });
});
