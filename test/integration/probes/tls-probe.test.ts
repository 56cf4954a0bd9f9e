/**
 * The TLS probe against openssl s_server: each odd server ends with the right finding, the chain is
 * the one the server sent, fingerprints equal `openssl x509 -fingerprint -sha256`, and CI's
 * `PKIX path building failed` is predicted from the modelled keystore.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { createRedactor, silentLogger } from '../../../main/services/logger';
import { createTlsRunner } from '../../../main/services/probes/tls-probe';
import type { TrustSets } from '../../../main/services/probes/tls/assess-chain';
import { createTestPki, issue, SERVER_AUTH, type TestPki } from '../../peers/pki';
import { startOpensslServer, type OpensslServerOptions, type RunningPeer } from '../../peers/openssl-server';

let pki: TestPki;
const peers: RunningPeer[] = [];
const engine = createProbeEngine({ redactor: createRedactor(), log: silentLogger });

beforeAll(async () => {
  pki = await createTestPki();
});
afterAll(async () => {
  for (const p of peers) await p.stop();
});

async function probeServer(o: Omit<OpensslServerOptions, 'pki'>, trust: Partial<TrustSets> = {}, host = 'localhost') {
  const peer = await startOpensslServer({ pki, ...o });
  peers.push(peer);
  const t: TrustSets = { local: [new X509Certificate(pki.root.certPem)], localRole: 'laptop', ...trust };
  return engine.run({ kind: 'tls', target: { host, port: peer.port }, runner: createTlsRunner({ host, port: peer.port, route: { kind: 'direct' }, trust: t }) });
}
const codes = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('TLS probe against openssl s_server', () => {
  it('passes a correct server that CI trusts, with SNI, protocol, cipher and the chain as sent', async () => {
    const r = await probeServer({ leaf: pki.server }, { ciKeystore: [new X509Certificate(pki.root.certPem)] });
    expect(r.verdict).toBe('passed');
    expect(r.facts).toMatchObject({ sni: 'localhost' });
    expect(String(r.facts?.tlsProtocol)).toMatch(/^TLSv1\.[23]$/);
    expect(r.chain?.map((c) => c.subject)).toEqual(['CN=localhost, O=Landscape Test', 'CN=Landscape Test Issuing CA, O=Landscape Test']);
  });

  it('reports fingerprints exactly as openssl x509 -fingerprint -sha256', async () => {
    const r = await probeServer({ leaf: pki.server });
    for (const [i, pem] of [pki.server.certPem, pki.intermediate.certPem].entries()) {
      const out = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256'], { input: pem }).toString();
      expect(out.trim()).toBe(`sha256 Fingerprint=${r.chain?.[i]?.fingerprintSha256}`);
    }
  });

  it('predicts PKIX path building failed and names the root, without offering it when not sent', async () => {
    const r = await probeServer({ leaf: pki.server }, { ciKeystore: [] });
    expect(r.verdict).toBe('failed');
    const f = r.findings.find((x) => x.code === 'tls.pkix-root-not-sent');
    expect(f?.literal).toMatch(/^PKIX path building failed/);
    expect(f?.message).toContain('Landscape Test Root CA');
    expect(f?.whereToFix).toBe('ci-monitor');
    expect(codes(r)).not.toContain('tls.add-root-offered');
  });

  it('offers Add to keystore when the server sends a valid root', async () => {
    const r = await probeServer({ leaf: pki.server, sendRoot: true }, { ciKeystore: [new X509Certificate(pki.otherRoot.certPem)] });
    expect(codes(r)).toEqual(expect.arrayContaining(['tls.pkix-path', 'tls.add-root-offered']));
    const f = r.findings.find((x) => x.code === 'tls.pkix-path');
    expect(f?.fix).toContain('Keystore → Add → Certificate');
    expect(f?.fix).toContain(new X509Certificate(pki.root.certPem).fingerprint256);
    expect(r.chain).toHaveLength(3);
  });

  it('trusts a chain through an intermediate held in the CI keystore', async () => {
    const r = await probeServer({ leaf: pki.server }, { ciKeystore: [new X509Certificate(pki.intermediate.certPem)] });
    expect(codes(r)).not.toContain('tls.pkix-root-not-sent');
  });

  it('flags TLS 1.0 as a weak protocol', async () => {
    const r = await probeServer({ leaf: pki.server, tls10Only: true });
    expect(r.facts?.tlsProtocol).toBe('TLSv1');
    expect(codes(r)).toContain('tls.weak-protocol');
  });

  it('flags an expired certificate', async () => {
    const r = await probeServer({ leaf: pki.expired });
    expect(r.verdict).toBe('failed');
    expect(codes(r)).toContain('tls.expired');
  });

  it('flags a certificate that is not valid yet', async () => {
    const future = await issue({ cn: 'localhost', issuer: pki.intermediate, sans: ['localhost'], eku: [SERVER_AUTH], notBefore: new Date(Date.now() + 5 * 86_400_000), notAfter: new Date(Date.now() + 400 * 86_400_000) });
    const r = await probeServer({ leaf: future });
    expect(r.verdict).toBe('failed');
    expect(r.findings.find((f) => f.code === 'tls.not-yet-valid')?.literal).toMatch(/CertificateNotYetValidException/);
  });

  it('flags a certificate for another host, naming both', async () => {
    const r = await probeServer({ leaf: pki.wrongHost });
    const f = r.findings.find((x) => x.code === 'tls.hostname-mismatch');
    expect(f?.message).toContain('wrong.example');
    expect(f?.message).toContain('localhost');
  });

  it('flags a server that does not send its intermediate', async () => {
    const r = await probeServer({ leaf: pki.server, sendIntermediate: false });
    expect(r.chain).toHaveLength(1);
    const f = r.findings.find((x) => x.code === 'tls.missing-intermediate');
    expect(f?.message).toContain('Landscape Test Issuing CA');
    expect(f?.whereToFix).toBe('peer-system');
  });

  it('flags a SHA-1 signed certificate', async () => {
    const r = await probeServer({ leaf: pki.sha1, lowSecurity: true });
    expect(codes(r)).toContain('tls.sha1');
  });

  it('explains a refused connection instead of showing ECONNREFUSED alone', async () => {
    const peer = await startOpensslServer({ pki, leaf: pki.server });
    await peer.stop();
    const r = await engine.run({ kind: 'tls', target: { host: '127.0.0.1', port: peer.port }, runner: createTlsRunner({ host: '127.0.0.1', port: peer.port, route: { kind: 'direct' }, trust: { local: [], localRole: 'laptop' } }) });
    expect(r.verdict).toBe('failed');
    expect(r.findings[0]?.code).toBe('net.refused');
    expect(r.findings[0]?.fix.length).toBeGreaterThan(20);
  });
});
