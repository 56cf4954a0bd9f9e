/**
 * A certificate's public key algorithm and size read straight from its SubjectPublicKeyInfo DER.
 * `X509Certificate.publicKey.asymmetricKeyDetails` builds a KeyObject and (for RSA) converts the
 * modulus and exponent: ~0.15 ms per certificate, and every probe reads a fresh chain from its socket
 * — it was the largest single cost of judging a chain. Unknown layouts return undefined and the
 * caller falls back to the KeyObject.
 */
import type { X509Certificate } from 'node:crypto';
import { derHeader } from './certificates';

export interface SpkiFacts {
  /** 'RSA' | 'EC' | 'DSA' | 'EdDSA', as Java names them. */
  algorithm: string;
  bits: number;
}

const RSA = new Set(['2a864886f70d010101', '2a864886f70d01010a']); // rsaEncryption, RSASSA-PSS
const EC = '2a8648ce3d0201'; // id-ecPublicKey
const DSA = '2a8648ce380401';
const EDDSA: Record<string, number> = { '2b6570': 255, '2b6571': 448 }; // Ed25519, Ed448
const CURVES: Record<string, number> = {
  '2a8648ce3d030101': 192, // prime192v1
  '2b81040021': 224, // secp224r1
  '2a8648ce3d030107': 256, // prime256v1
  '2b8104000a': 256, // secp256k1
  '2b81040022': 384, // secp384r1
  '2b81040023': 521, // secp521r1
};

/** The element after the one at `at` (tag, length and content skipped). */
function next(der: Buffer, at: number): number | undefined {
  const h = derHeader(der, at);
  return h ? h.start + h.length : undefined;
}

/** Bit length of a DER INTEGER's magnitude (leading zero bytes skipped). */
function integerBits(der: Buffer, at: number): number | undefined {
  const h = derHeader(der, at);
  if (!h || der[at] !== 0x02) return undefined;
  let i = h.start;
  const end = h.start + h.length;
  while (i < end && der[i] === 0) i++;
  if (i >= end) return 0;
  return (end - i - 1) * 8 + (32 - Math.clz32(der[i]!));
}

function oidHex(der: Buffer, at: number): string | undefined {
  const h = derHeader(der, at);
  return h && der[at] === 0x06 ? der.subarray(h.start, h.start + h.length).toString('hex') : undefined;
}

export function spkiFacts(cert: X509Certificate): SpkiFacts | undefined {
  const der = cert.raw;
  const outer = derHeader(der, 0);
  const tbs = outer && derHeader(der, outer.start);
  if (!tbs) return undefined;
  // version [0] (optional), serial, signature, issuer, validity, subject, then the SPKI.
  let p: number | undefined = tbs.start;
  if (der[p] === 0xa0) p = next(der, p);
  for (let i = 0; i < 5 && p !== undefined; i++) p = next(der, p);
  const spki = p !== undefined && der[p] === 0x30 ? derHeader(der, p) : undefined;
  const alg = spki && der[spki.start] === 0x30 ? derHeader(der, spki.start) : undefined;
  if (!spki || !alg) return undefined;
  const oid = oidHex(der, alg.start);
  const params = next(der, alg.start);
  if (oid === undefined || params === undefined) return undefined;
  if (RSA.has(oid)) {
    // BIT STRING { 0x00 unused bits, SEQUENCE { INTEGER modulus, INTEGER exponent } }
    const keyAt = next(der, spki.start);
    const bitString = keyAt !== undefined && der[keyAt] === 0x03 ? derHeader(der, keyAt) : undefined;
    const seq = bitString && der[bitString.start + 1] === 0x30 ? derHeader(der, bitString.start + 1) : undefined;
    const modulus = seq ? integerBits(der, seq.start) : undefined;
    return modulus ? { algorithm: 'RSA', bits: modulus } : undefined;
  }
  if (oid === EC) {
    const curve = oidHex(der, params);
    const bits = curve ? CURVES[curve] : undefined;
    return { algorithm: 'EC', bits: bits ?? 0 };
  }
  if (oid === DSA) {
    // Parameters SEQUENCE { INTEGER p, INTEGER q, INTEGER g }: the size is p's.
    const seq = der[params] === 0x30 ? derHeader(der, params) : undefined;
    const bits = seq ? integerBits(der, seq.start) : undefined;
    return bits ? { algorithm: 'DSA', bits } : undefined;
  }
  const ed = EDDSA[oid];
  return ed ? { algorithm: 'EdDSA', bits: ed } : undefined;
}
