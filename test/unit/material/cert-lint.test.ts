import { describe, expect, it } from 'vitest';
import { TEST_CA_MARKER, type CertFacts } from '../../../shared/certs/cert-facts';
import { lintCertificate } from '../../../shared/certs/lint-certificate';
import { lintChain } from '../../../shared/certs/lint-chain';
import { lintServiceKeyCerts } from '../../../shared/certs/lint-service-keys';
import { checkKeystoreAlias, lintKeystoreUpload } from '../../../shared/certs/keystore-rules';

const NOW = new Date('2026-06-01T00:00:00Z');

function facts(over: Partial<CertFacts> = {}): CertFacts {
  return {
    subject: 'CN=client',
    issuer: 'CN=Issuing CA',
    serialNumber: '01',
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2026-12-01T00:00:00.000Z',
    selfSigned: false,
    isCa: false,
    signatureHash: 'SHA-256',
    keyAlgorithm: 'RSA',
    keyBits: 2048,
    extendedKeyUsage: ['clientAuth'],
    fingerprintSha256: 'AA',
    publicKeySha256: 'aa',
    derBytes: 900,
    ...over,
  };
}

const codes = (f: { code: string }[]) => f.map((x) => x.code).sort();

describe('lintCertificate', () => {
  it('a good CA-signed client certificate has no findings', () => {
    expect(lintCertificate(facts(), { now: NOW, role: 'client', requireCaSigned: true })).toEqual([]);
  });

  it.each([
    [{ notAfter: '2026-05-01T00:00:00.000Z' }, 'expired'],
    [{ notAfter: '2026-06-20T00:00:00.000Z' }, 'expiring-soon'],
    [{ notBefore: '2026-07-01T00:00:00.000Z' }, 'not-yet-valid'],
    [{ signatureHash: 'SHA-1' }, 'weak-signature'],
    [{ keyBits: 1024 }, 'rsa-too-small'],
    [{ extendedKeyUsage: ['serverAuth'] }, 'client-auth-missing'],
    [{ extendedKeyUsage: null }, 'client-auth-missing'],
    [{ selfSigned: true, issuer: 'CN=client' }, 'self-signed'],
    [{ issuer: `OU=${TEST_CA_MARKER}, CN=lab` }, 'private-ca'],
  ] as const)('%o → %s, with a fix and where to fix it', (over, code) => {
    const found = lintCertificate(facts(over as Partial<CertFacts>), { now: NOW, role: 'client', requireCaSigned: true });
    expect(codes(found)).toEqual([code]);
    expect(found[0]!.fix.length).toBeGreaterThan(10);
    expect(found[0]!.whereToFix.length).toBeGreaterThan(5);
  });

  it('EC keys are not measured in RSA bits; a missing EKU is only a warning', () => {
    expect(lintCertificate(facts({ keyAlgorithm: 'EC', keyBits: undefined, curve: 'prime256v1' }), { now: NOW, role: 'client' })).toEqual([]);
    expect(lintCertificate(facts({ extendedKeyUsage: null }), { now: NOW, role: 'client' })[0]!.severity).toBe('warning');
  });
});

describe('lintChain', () => {
  const leaf = facts();
  const inter = facts({ subject: 'CN=Issuing CA', issuer: 'CN=Root', isCa: true });
  const root = facts({ subject: 'CN=Root', issuer: 'CN=Root', isCa: true, selfSigned: true });

  it('leaf → intermediate → root is fine', () => expect(lintChain([leaf, inter, root])).toEqual([]));
  it('out of order is found', () => expect(codes(lintChain([leaf, root, inter]))).toContain('chain-order'));
  it('incomplete names the missing issuer', () => {
    const f = lintChain([leaf, inter]);
    expect(codes(f)).toEqual(['chain-incomplete']);
    expect(f[0]!.message).toContain('CN=Root');
  });
});

describe('lintServiceKeyCerts', () => {
  it('flags the same subject + issuer on two service keys and validity over 365 days', () => {
    const f = lintServiceKeyCerts([
      { label: 'key A', facts: facts() },
      { label: 'key B', facts: facts({ notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2027-06-01T00:00:00.000Z' }) },
      { label: 'key C', facts: facts({ subject: 'CN=other' }) },
    ]);
    expect(codes(f)).toEqual(['duplicate-subject-issuer', 'service-key-validity']);
    expect(f.find((x) => x.code === 'duplicate-subject-issuer')!.message).toMatch(/"key A" and "key B"/);
  });
});

describe('keystore rules', () => {
  it.each(['sap_x', 'SAP_cloud', 'hcicertificate', 'hcicertificate1', 'hcimsgcertificate', ''])('refuses alias %j', (a) => {
    expect(checkKeystoreAlias(a).length).toBeGreaterThan(0);
  });
  it('accepts an ordinary alias', () => expect(checkKeystoreAlias('acme_client_2026')).toEqual([]));
  it('size limits: 30,720 for a key pair, 10,240 for a certificate', () => {
    expect(lintKeystoreUpload('key-pair', 'ok', 30_720)).toEqual([]);
    expect(codes(lintKeystoreUpload('key-pair', 'ok', 30_721))).toEqual(['upload-too-large']);
    expect(codes(lintKeystoreUpload('certificate', 'ok', 10_241))).toEqual(['upload-too-large']);
  });
});
