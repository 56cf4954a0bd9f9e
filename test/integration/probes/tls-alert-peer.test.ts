/**
 * A server that refuses client certificates at the TLS level (Node's TLS server with requestCert +
 * rejectUnauthorized): a missing one ends with a certificate_required alert, an untrusted one with
 * the connection closed right after the handshake. Both are recognised, besides nginx's HTTP 400.
 */
import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { createHttpsRunner, type HttpsAuth } from '../../../main/services/probes/https-probe';
import { createRedactor, silentLogger } from '../../../main/services/logger';
import { createTestPki, type TestPki } from '../../peers/pki';

let pki: TestPki;
let server: Server;
let port = 0;
const engine = createProbeEngine({ redactor: createRedactor(), log: silentLogger });

beforeAll(async () => {
  pki = await createTestPki();
  server = createServer(
    { cert: pki.server.certPem + pki.intermediate.certPem, key: pki.server.keyPem, ca: [pki.root.certPem, pki.intermediate.certPem], requestCert: true, rejectUnauthorized: true },
    (socket) => {
      socket.on('error', () => {});
      socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'));
    },
  );
  server.on('tlsClientError', () => {});
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function probe(direction: 'inbound' | 'outbound', auth: HttpsAuth) {
  const root = new X509Certificate(pki.root.certPem);
  const r = await engine.run({
    kind: 'https',
    target: { host: 'localhost', port },
    runner: createHttpsRunner({ host: 'localhost', port, path: '/', direction, auth, route: { kind: 'direct' }, trust: { local: [root], localRole: 'sender', ciKeystore: [root] } }),
  });
  return { r, codes: r.findings.map((f) => f.code) };
}

describe('client certificate refused with a TLS alert', () => {
  it('passes with a certificate the server trusts', async () => {
    const { r } = await probe('outbound', { kind: 'client-certificate', certificate: { keyPem: pki.client.keyPem, chainPem: pki.client.certPem + pki.intermediate.certPem } });
    expect(r.verdict).toBe('passed');
  });
  it('outbound without a certificate: the alert is explained, fix in the CI monitor', async () => {
    const { r, codes } = await probe('outbound', { kind: 'none' });
    expect(r.verdict).toBe('failed');
    expect(codes).toEqual(['tls.client-cert-required']);
    expect(r.findings[0]?.whereToFix).toBe('ci-monitor');
    expect(r.findings[0]?.message).toMatch(/ERR_SSL_/);
  });
  it('outbound with an untrusted certificate: rejected, fix at the receiver', async () => {
    const { codes, r } = await probe('outbound', { kind: 'client-certificate', certificate: { keyPem: pki.otherClient.keyPem, chainPem: pki.otherClient.certPem } });
    expect(codes).toEqual(['tls.client-cert-rejected']);
    expect(r.findings[0]?.whereToFix).toBe('peer-system');
  });
  it('inbound: the load balancer did not accept the certificate', async () => {
    const { codes } = await probe('inbound', { kind: 'client-certificate', certificate: { keyPem: pki.otherClient.keyPem, chainPem: pki.otherClient.certPem } });
    // Only the leaf is sent and its root is unknown here: the missing chain is named before the refusal.
    expect(codes).toEqual(['inbound.client-cert-chain-incomplete', 'inbound.client-cert-rejected']);
  });
});
