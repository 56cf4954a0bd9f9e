// The DER reading of a certificate's key (spki-facts.ts) must say what Node's KeyObject says, for
// every key kind a server or CA certificate carries. Certificates are made by openssl at run time.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spkiFacts } from '../../../main/services/probes/tls/spki-facts';

const dir = mkdtempSync(join(tmpdir(), 'spki-'));
const CURVE_BITS: Record<string, number> = { prime192v1: 192, secp224r1: 224, prime256v1: 256, secp384r1: 384, secp521r1: 521, secp256k1: 256 };

function selfSigned(name: string, keyArgs: string[]): X509Certificate {
  const key = join(dir, `${name}.key`);
  execFileSync('openssl', ['genpkey', ...keyArgs, '-out', key], { stdio: 'ignore' });
  const pem = execFileSync('openssl', ['req', '-x509', '-new', '-key', key, '-subj', `/CN=${name}`, '-days', '2'], { encoding: 'utf8' });
  return new X509Certificate(pem);
}

/** What the KeyObject says, in the same words. */
function viaKeyObject(cert: X509Certificate): { algorithm: string; bits: number } {
  const k = cert.publicKey;
  const d = k.asymmetricKeyDetails ?? {};
  const type = k.asymmetricKeyType;
  if (type === 'rsa' || type === 'rsa-pss') return { algorithm: 'RSA', bits: d.modulusLength ?? -1 };
  if (type === 'dsa') return { algorithm: 'DSA', bits: d.modulusLength ?? -1 };
  if (type === 'ec') return { algorithm: 'EC', bits: CURVE_BITS[d.namedCurve ?? ''] ?? -1 };
  return { algorithm: 'EdDSA', bits: type === 'ed448' ? 448 : 255 };
}

const KINDS: Array<[string, string[]]> = [
  ['rsa-1024', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024']],
  ['rsa-1023', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1023']],
  ['rsa-2048', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048']],
  ['rsa-pss-2048', ['-algorithm', 'RSA-PSS', '-pkeyopt', 'rsa_keygen_bits:2048']],
  ['ec-p256', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256']],
  ['ec-p384', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384']],
  ['ec-p521', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-521']],
  ['ec-p224', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-224']],
  ['ec-k256', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:secp256k1']],
  ['ed25519', ['-algorithm', 'ED25519']],
  ['ed448', ['-algorithm', 'ED448']],
];

describe('key algorithm and size read from the certificate DER', () => {
  it.each(KINDS)('%s: the same as the KeyObject', (name, args) => {
    const cert = selfSigned(name, args);
    const facts = spkiFacts(cert);
    expect(facts).toEqual(viaKeyObject(cert));
    if (name.startsWith('rsa-')) expect(facts?.bits).toBe(Number(name.split('-').pop()));
  });

  it('DSA: the size of p, as the KeyObject says', () => {
    const params = join(dir, 'dsa.params');
    execFileSync('openssl', ['genpkey', '-genparam', '-algorithm', 'DSA', '-pkeyopt', 'dsa_paramgen_bits:2048', '-out', params], { stdio: 'ignore' });
    const cert = selfSigned('dsa', ['-paramfile', params]);
    expect(spkiFacts(cert)).toEqual({ algorithm: 'DSA', bits: 2048 });
    expect(viaKeyObject(cert)).toEqual({ algorithm: 'DSA', bits: 2048 });
  });
});
