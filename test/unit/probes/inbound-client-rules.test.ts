/** CI's load balancer rules for inbound client certificates, on certificates made at run time. */
import { X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inboundClientCertificateFindings } from '../../../main/services/probes/tls/inbound-client-rules';
import { CLIENT_AUTH, createTestPki, issue, SERVER_AUTH, type Issued, type TestPki } from '../../peers/pki';

let pki: TestPki;
const x = (i: Issued) => new X509Certificate(i.certPem);
const codes = (chain: Issued[], host = 'tenant.it-cpi018-rt.cfapps.eu10-003.hana.ondemand.com', roots: Issued[] = []) =>
  inboundClientCertificateFindings(chain.map(x), host, roots.map(x)).map((f) => f.code);

beforeAll(async () => {
  pki = await createTestPki();
});

describe('inbound client-certificate rules (CI load balancer)', () => {
  it('accepts a clientAuth certificate sent with its intermediate', () => {
    expect(codes([pki.client, pki.intermediate])).toEqual([]);
  });

  it('refuses a certificate without clientAuth, and says public CAs dropped it in September 2025', async () => {
    const serverOnly = await issue({ cn: 'sender.example', issuer: pki.intermediate, eku: [SERVER_AUTH] });
    const noEku = await issue({ cn: 'sender.example', issuer: pki.intermediate });
    expect(codes([serverOnly, pki.intermediate])).toEqual(['inbound.client-cert-no-eku']);
    expect(codes([noEku, pki.intermediate])).toEqual(['inbound.client-cert-no-eku']);
    const f = inboundClientCertificateFindings([x(serverOnly)], 'h.example', [])[0]!;
    expect(f.severity).toBe('error');
    expect(f.message).toMatch(/September 2025/);
  });

  it('refuses a self-signed client certificate on the default domain', async () => {
    const self = await issue({ cn: 'sender.example', eku: [CLIENT_AUTH] });
    expect(codes([self])).toEqual(['inbound.client-cert-self-signed']);
  });

  it('names a chain cut short, unless the issuer is a known root', () => {
    expect(codes([pki.client])).toEqual(['inbound.client-cert-chain-incomplete']);
    expect(codes([pki.otherClient], undefined, [pki.otherRoot])).toEqual([]);
  });

  it('requires SNI: an IP address sends none', () => {
    expect(codes([pki.client, pki.intermediate], '10.1.2.3')).toEqual(['inbound.no-sni']);
  });
});
