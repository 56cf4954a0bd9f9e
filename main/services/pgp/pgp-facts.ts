/**
 * Reads OpenPGP.js keys into the app's public facts (shared/pgp/pgp-types.ts). Expiry and
 * capabilities come from the self-signatures, not from OpenPGP.js's "valid now" helpers, so an
 * expired key still reports what it was able to do and when it ran out.
 */
import { enums, type Key, type Subkey } from 'openpgp';
import type { PgpAlgorithmFamily, PgpKeyFacts, PgpSubkeyFacts } from '../../../shared/pgp/pgp-types';

const FLAGS = enums.keyFlags;

function family(algorithm: string): PgpAlgorithmFamily {
  if (algorithm.startsWith('rsa')) return 'rsa';
  if (algorithm === 'dsa') return 'dsa';
  if (algorithm === 'elgamal') return 'elgamal';
  if (['ecdh', 'ecdsa', 'eddsaLegacy', 'x25519', 'x448', 'ed25519', 'ed448'].includes(algorithm)) return 'ecc';
  return 'other';
}

const LABEL: Record<string, string> = {
  rsaEncryptSign: 'RSA',
  rsaEncrypt: 'RSA (encrypt only)',
  rsaSign: 'RSA (sign only)',
  dsa: 'DSA',
  elgamal: 'Elgamal',
  ecdh: 'ECDH',
  ecdsa: 'ECDSA',
  eddsaLegacy: 'EdDSA',
  x25519: 'X25519',
  x448: 'X448',
  ed25519: 'Ed25519',
  ed448: 'Ed448',
};

function describe(info: { algorithm: string; bits?: number; curve?: string }) {
  const text = [LABEL[info.algorithm] ?? info.algorithm, info.bits ?? info.curve].filter(Boolean).join(' ');
  return { algorithm: text, family: family(info.algorithm), ...(info.bits ? { bits: info.bits } : {}), ...(info.curve ? { curve: String(info.curve) } : {}) };
}

/** What the algorithm can do at all, narrowed by the key flags when the signature carries them. */
function capabilities(algorithm: string, keyFlags: number | undefined) {
  const canEncryptAlg = ['rsaEncryptSign', 'rsaEncrypt', 'elgamal', 'ecdh', 'x25519', 'x448'].includes(algorithm);
  const canSignAlg = ['rsaEncryptSign', 'rsaSign', 'dsa', 'ecdsa', 'eddsaLegacy', 'ed25519', 'ed448'].includes(algorithm);
  if (keyFlags === undefined) return { canEncrypt: canEncryptAlg, canSign: canSignAlg };
  return {
    canEncrypt: canEncryptAlg && (keyFlags & (FLAGS.encryptCommunication | FLAGS.encryptStorage)) !== 0,
    canSign: canSignAlg && (keyFlags & FLAGS.signData) !== 0,
  };
}

type Sig = { created: Date | null; keyFlags?: number[] | null; keyExpirationTime?: number | null; isPrimaryUserID?: boolean | null; revoked?: boolean | null };

function latest<T extends Sig>(sigs: T[]): T | undefined {
  return [...sigs].sort((a, b) => (b.created?.getTime() ?? 0) - (a.created?.getTime() ?? 0))[0];
}

function expiry(created: Date, sig: Sig | undefined): string | null {
  const secs = sig?.keyExpirationTime;
  return secs ? new Date(created.getTime() + secs * 1000).toISOString() : null;
}

function subkeyFacts(sub: Subkey): PgpSubkeyFacts {
  const binding = latest(sub.bindingSignatures as unknown as Sig[]);
  const info = sub.getAlgorithmInfo();
  const created = sub.keyPacket.created;
  return {
    keyId: sub.getKeyID().toHex().toUpperCase(),
    fingerprint: sub.getFingerprint(),
    ...describe(info),
    ...capabilities(info.algorithm, binding?.keyFlags?.[0] ?? undefined),
    created: created.toISOString(),
    expires: expiry(created, binding),
    revoked: sub.revocationSignatures.length > 0,
  };
}

/** The self-certification that governs the key: the primary user's newest, else any newest. */
function governingSelfSig(key: Key): { sig: Sig | undefined; userId: string } {
  const candidates = key.users
    .filter((u) => u.userID)
    .map((u) => ({ sig: latest(u.selfCertifications as unknown as Sig[]), userId: u.userID!.userID }))
    .filter((c) => c.sig);
  const primary = candidates.find((c) => c.sig!.isPrimaryUserID) ?? candidates.sort((a, b) => (b.sig!.created?.getTime() ?? 0) - (a.sig!.created?.getTime() ?? 0))[0];
  return primary ?? { sig: undefined, userId: '' };
}

export function keyFacts(key: Key): PgpKeyFacts {
  const info = key.getAlgorithmInfo();
  const created = key.keyPacket.created;
  const { sig, userId } = governingSelfSig(key);
  const secret = key.isPrivate();
  const secretPackets = secret ? [key.keyPacket, ...key.subkeys.map((s) => s.keyPacket)].filter((p) => 'isDecrypted' in p) : [];
  return {
    fingerprint: key.getFingerprint(),
    keyId: key.getKeyID().toHex().toUpperCase(),
    userIds: key.users.filter((u) => u.userID).map((u) => u.userID!.userID),
    primaryUserId: userId,
    ...describe(info),
    ...capabilities(info.algorithm, sig?.keyFlags?.[0] ?? undefined),
    created: created.toISOString(),
    expires: expiry(created, sig),
    revoked: key.revocationSignatures.length > 0,
    subkeys: key.subkeys.map(subkeyFacts),
    hasSecretKey: secret,
    ...(secret ? { protected: secretPackets.every((p) => (p as { isDummy?: () => boolean }).isDummy?.() || !(p as { isDecrypted: () => boolean | null }).isDecrypted()) } : {}),
  };
}
