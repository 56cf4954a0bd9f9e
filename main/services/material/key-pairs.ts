/**
 * Key generation with Node's native crypto, asynchronously (the callback form runs on the libuv
 * thread pool, so a 4096-bit RSA key never blocks the event loop).
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

export const KEY_TYPES = ['rsa-2048', 'rsa-3072', 'rsa-4096', 'ec-p256'] as const;
export type KeyType = (typeof KEY_TYPES)[number];

const generate = promisify(generateKeyPair);

export interface GeneratedKey {
  /** PKCS#8 PEM, unencrypted: it goes straight into the vault and nowhere else. */
  privateKeyPem: string;
  /** SubjectPublicKeyInfo PEM. */
  publicKeyPem: string;
  publicKeySha256: string;
}

export async function generateKey(type: KeyType): Promise<GeneratedKey> {
  const { privateKey, publicKey } =
    type === 'ec-p256'
      ? await generate('ec', { namedCurve: 'P-256' })
      : await generate('rsa', { modulusLength: Number(type.slice(4)), publicExponent: 0x10001 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    publicKeySha256: publicKeySha256(publicKey),
  };
}

/** SHA-256 of the SubjectPublicKeyInfo DER: the identity that pairs a certificate with its key. */
export function publicKeySha256(key: KeyObject): string {
  return createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex');
}

export function publicKeyOf(privateKeyPem: string): KeyObject {
  return createPublicKey(createPrivateKey(privateKeyPem));
}

/** 'rsa-2048' / 'ec-p256' style name of a key, for the vault's keyAlgorithm field. */
export function describeKey(key: KeyObject): string {
  const d = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') return `rsa-${d.modulusLength ?? '?'}`;
  if (key.asymmetricKeyType === 'ec') return d.namedCurve === 'prime256v1' ? 'ec-p256' : `ec-${d.namedCurve ?? '?'}`;
  return key.asymmetricKeyType ?? 'unknown';
}
