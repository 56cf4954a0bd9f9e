/**
 * What Java's certificate checks read and Node's X509Certificate does not expose: the key usage
 * bits (read from the DER, no ASN.1 library: a probe reads a handful of certificates), the public
 * key's algorithm and size, and the names a host is matched against. Remembered per object (one
 * object per certificate: canonicalCertificate in certificates.ts).
 */
import type { X509Certificate } from 'node:crypto';
import { derHeader } from './certificates';
import { spkiFacts } from './spki-facts';

/** Key usage bits in X.509 order (digitalSignature = bit 0 … decipherOnly = bit 8). */
export const KU = { digitalSignature: 0, keyEncipherment: 2, keyAgreement: 4, keyCertSign: 5 } as const;

const KEY_USAGE_OID = '0603551d0f'; // OBJECT IDENTIFIER 2.5.29.15, tag and length included
const usages = new WeakMap<X509Certificate, boolean[] | null>();

/** The key usage bits, or null when the certificate has no key usage extension. */
export function keyUsageBits(cert: X509Certificate): boolean[] | null {
  let bits = usages.get(cert);
  if (bits === undefined) usages.set(cert, (bits = readKeyUsage(cert.raw)));
  return bits;
}

function readKeyUsage(der: Buffer): boolean[] | null {
  // The extension's OID is unique in the certificate; its value follows: [BOOLEAN critical] OCTET STRING { BIT STRING }.
  const at = der.indexOf(Buffer.from(KEY_USAGE_OID, 'hex'));
  if (at < 0) return null;
  let p = at + KEY_USAGE_OID.length / 2;
  if (der[p] === 0x01) p += 3; // critical flag
  if (der[p] !== 0x04) return null;
  const octets = derHeader(der, p);
  if (!octets || der[octets.start] !== 0x03) return null;
  const bitString = derHeader(der, octets.start);
  if (!bitString) return null;
  const bytes = der.subarray(bitString.start + 1, bitString.start + bitString.length);
  const bits: boolean[] = [];
  for (let i = 0; i < 9; i++) bits.push(((bytes[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
  return bits;
}

export interface KeyFacts {
  /** 'RSA' | 'EC' | 'DSA' | 'EdDSA' … as Java names them. */
  algorithm: string;
  bits: number;
}

const CURVE_BITS: Record<string, number> = { prime192v1: 192, secp224r1: 224, prime256v1: 256, secp384r1: 384, secp521r1: 521, secp256k1: 256 };
const keys = new WeakMap<X509Certificate, KeyFacts>();

export function keyFacts(cert: X509Certificate): KeyFacts {
  let k = keys.get(cert);
  if (!k) k = spkiFacts(cert);
  if (!k) {
    const key = cert.publicKey;
    const d = key.asymmetricKeyDetails ?? {};
    const type = key.asymmetricKeyType ?? 'unknown';
    if (type === 'rsa' || type === 'rsa-pss') k = { algorithm: 'RSA', bits: d.modulusLength ?? 0 };
    else if (type === 'dsa') k = { algorithm: 'DSA', bits: d.modulusLength ?? 0 };
    else if (type === 'ec') k = { algorithm: 'EC', bits: CURVE_BITS[d.namedCurve ?? ''] ?? 0 };
    else k = { algorithm: type === 'ed25519' || type === 'ed448' ? 'EdDSA' : type, bits: type === 'ed448' ? 448 : 255 };
  }
  keys.set(cert, k);
  return k;
}

/** Subject alternative names by type, as Node lists them ("DNS:a, IP Address:1.2.3.4"). */
export interface AltNames {
  present: boolean;
  dns: readonly string[];
  ip: readonly string[];
}
const names = new WeakMap<X509Certificate, AltNames>();

export function altNames(cert: X509Certificate): AltNames {
  let n = names.get(cert);
  if (!n) names.set(cert, (n = readAltNames(cert.subjectAltName)));
  return n;
}

function readAltNames(san: string | undefined): AltNames {
  if (!san) return { present: false, dns: [], ip: [] };
  const entries = san.split(', ').map((e) => e.replace(/^"|"$/g, ''));
  return {
    present: true,
    dns: entries.filter((e) => e.startsWith('DNS:')).map((e) => e.slice(4)),
    ip: entries.filter((e) => e.startsWith('IP Address:')).map((e) => e.slice(11)),
  };
}

/** The most specific (last) common name of the subject, as Java's HostnameChecker takes it. */
export function commonName(cert: X509Certificate): string | undefined {
  const cns = cert.subject.split('\n').filter((l) => l.startsWith('CN='));
  return cns.at(-1)?.slice(3);
}
