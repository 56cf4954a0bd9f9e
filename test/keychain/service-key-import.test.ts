import { createPrivateKey } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServiceKeys, CLIENT_ID, generatePki, RUNTIME_URL, TOKEN_URL, type PkiMaterial, type ServiceKeyShapes } from '../support/service-key-fixtures';
import { createTestServices } from '../support/test-services';

let pki: PkiMaterial;
let keys: ServiceKeyShapes;
beforeAll(() => {
  pki = generatePki();
  keys = buildServiceKeys(pki);
});

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v, null, 2));

describe('BTP service key import into the real keychain', () => {
  it.each(['secretWrapped', 'secretFlat'] as const)('%s → one OAuth2 client credential and the inbound offer', async (shape) => {
    const s = createTestServices();
    const r = await s.credentialTools.importServiceKey(text(keys[shape]));
    expect(r.created).toHaveLength(1);
    expect(r.created[0]).toMatchObject({ kind: 'oauth2-client', label: 'BTP acme-dev-1a2b3c', clientId: CLIENT_ID, tokenUrl: TOKEN_URL, url: RUNTIME_URL });
    expect(r.offer).toEqual({ endpointUrl: RUNTIME_URL, tokenUrl: TOKEN_URL, clientId: CLIENT_ID, plan: 'integration-flow', authentication: 'oauth2-client-credentials' });
    expect(await s.vault.readSecret(r.created[0]!.id)).toEqual({ clientSecret: keys.clientSecret });
    expect(JSON.stringify(r)).not.toContain(keys.clientSecret);
  });

  it.each(['certificateWrapped', 'certificateFlat', 'certificateDoubleEscaped'] as const)('%s → a client certificate with its chain; the key is usable PEM', async (shape) => {
    const s = createTestServices();
    const r = await s.credentialTools.importServiceKey(text(keys[shape]), 'tenant A mTLS');
    expect(r.type).toBe('certificate');
    const [cred] = r.created;
    expect(cred).toMatchObject({ kind: 'client-certificate', label: 'tenant A mTLS', keyAlgorithm: 'rsa', subject: expect.stringContaining('CN=it-rt-fixture'), issuer: expect.stringContaining('CN=Test Client CA') });
    expect(cred!.certificateChainPem).toHaveLength(2);
    expect(cred!.fingerprints?.sha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(Date.parse(cred!.notAfter!)).toBeGreaterThan(Date.now());
    const secret = await s.vault.readSecret(cred!.id);
    expect(secret.privateKeyPem).toBe(pki.keyPem.trim() + '\n');
    expect(createPrivateKey(secret.privateKeyPem!).asymmetricKeyType).toBe('rsa');
    expect(r.offer.authentication).toBe('client-certificate');
  });

  it('an external-certificate key creates nothing and says why; an api-plan key is flagged', async () => {
    const s = createTestServices();
    const ext = await s.credentialTools.importServiceKey(text(keys.externalCertificate));
    expect(ext.created).toEqual([]);
    expect(ext.notes.join(' ')).toMatch(/no private key/);
    const api = await s.credentialTools.importServiceKey(text(keys.apiPlan));
    expect(api.plan).toBe('api');
    expect(api.notes.join(' ')).toMatch(/api-plan/);
  });

  it('a key that does not belong to its certificate is refused at oauth.key; nothing is created', async () => {
    const s = createTestServices();
    const wrong = { oauth: { ...(keys.certificateWrapped.oauth as object), key: pki.otherKeyPem } };
    await expect(s.credentialTools.importServiceKey(text(wrong))).rejects.toMatchObject({ code: 'SERVICE_KEY_INVALID', field: 'oauth.key' });
    const garbledCert = { ...keys.certificateFlat, certificate: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' };
    await expect(s.credentialTools.importServiceKey(text(garbledCert))).rejects.toMatchObject({ field: 'certificate' });
    expect(await s.vault.list()).toEqual([]);
  });

  it('importing the same key twice gets a free label instead of failing', async () => {
    const s = createTestServices();
    await s.credentialTools.importServiceKey(text(keys.secretWrapped));
    const again = await s.credentialTools.importServiceKey(text(keys.secretWrapped));
    expect(again.created[0]!.label).toBe('BTP acme-dev-1a2b3c (2)');
    for (const c of await s.vault.list()) await s.vault.remove(c.id);
  });
});
