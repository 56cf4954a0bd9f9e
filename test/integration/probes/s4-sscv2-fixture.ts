/**
 * The s4-sscv2 landscape wired to loopback peers: nginx plays the CI runtime (Basic on /cxf/,
 * mTLS) and the receivers (S/4HANA with Basic, SSCv2 with mTLS); the vault holds the credentials
 * (real keychain); the modelled CI keystore holds the test root and CI's key pair.
 */
import { X509Certificate } from 'node:crypto';
import type { Services } from '../../../main/composition';
import { ciLikeLocations, htpasswdLine, startNginx, tokenFiles, type RunningNginx } from '../../peers/nginx';
import { createTestPki, type TestPki } from '../../peers/pki';

export const CANARY = 'canary-Pw-91be77d0c4';

export interface S4Fixture {
  pki: TestPki;
  nginx: RunningNginx;
  landscapeId: string;
  name: string;
}

export async function setUpS4Sscv2(services: Services, name = 'Probe Test S4'): Promise<S4Fixture> {
  const pki = await createTestPki();
  const chain = pki.server.certPem + pki.intermediate.certPem;
  const nginx = await startNginx(
    [
      { chainPem: chain, keyPem: pki.server.keyPem, locations: ciLikeLocations('tok-fixture-1') },
      { chainPem: chain, keyPem: pki.server.keyPem, clientCaPem: pki.root.certPem + pki.intermediate.certPem, locations: 'location / { return 200 "mtls ok"; }' },
    ],
    htpasswdLine('sb-clientid', CANARY) + htpasswdLine('S4_COMM_USER', `${CANARY}-s4`),
    tokenFiles('tok-fixture-1'),
  );
  const [basicPort, mtlsPort] = nginx.ports as [number, number];
  const v = services.vault;
  const p1 = await v.create({ kind: 'basic', label: 'S/4 → CI service key', meta: { user: 'sb-clientid' }, secret: { password: CANARY } });
  const clientChain = [pki.client.certPem, pki.intermediate.certPem];
  const p2 = await v.create({ kind: 'client-certificate', label: 'CI key pair for SSCv2', meta: { certificateChainPem: clientChain }, secret: { privateKeyPem: pki.client.keyPem } });
  const p3 = await v.create({ kind: 'client-certificate', label: 'SSCv2 sender certificate', meta: { certificateChainPem: clientChain }, secret: { privateKeyPem: pki.client.keyPem } });
  const p4 = await v.create({ kind: 'basic', label: 'S/4 communication user', meta: { user: 'S4_COMM_USER' }, secret: { password: `${CANARY}-s4` } });

  const l = services.landscapes.create({ templateId: 's4-sscv2', name });
  services.landscapes.update(l.id, {
    caCertificates: [{ label: 'Test root', pem: pki.root.certPem, fingerprintSha256: new X509Certificate(pki.root.certPem).fingerprint256 }],
    ciKeystore: [
      { alias: 'test_root', kind: 'certificate', pem: pki.root.certPem },
      { alias: 'sscv2_client', kind: 'key-pair', credentialId: p2.id },
    ],
  });
  const byNumber = (n: number) => services.landscapes.get(l.id).pathways.find((p) => p.number === n)!;
  const set = (n: number, patch: Record<string, unknown>) => services.landscapes.updatePathway(l.id, byNumber(n).id, patch);
  set(1, { endpoint: `https://localhost:${basicPort}/cxf/s4/product`, credentialId: p1.id, probe: { deadlineMs: 5000 } });
  set(2, { endpoint: `https://localhost:${mtlsPort}/sap/c4c/api/v1/product-service/products`, keystoreAlias: 'sscv2_client' });
  set(3, { endpoint: `https://localhost:${mtlsPort}/cxf/sscv2/product`, credentialId: p3.id });
  set(4, { endpoint: `https://localhost:${basicPort}/sap/opu/odata/sap/API_PRODUCT_SRV`, credentialId: p4.id, proxy: { type: 'internet' } });
  return { pki, nginx, landscapeId: l.id, name };
}
