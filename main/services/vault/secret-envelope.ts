/**
 * How a secret payload becomes one keychain entry, whatever its size (ARCHITECTURE.md, "Credential
 * vault"). Small payloads are stored inline. A payload whose entry would exceed the smallest
 * platform limit (Windows Credential Manager: 2,560 bytes per entry) is sealed instead: a fresh
 * random AES-256-GCM key per secret encrypts it into a blob file in the data directory, and only
 * that key (plus the blob's name) goes into the keychain. The blob is useless without the keychain
 * entry, and deleting the entry crypto-shreds the blob. Plaintext never touches the disk.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/result';
import type { SecretPayload } from '../../../shared/vault/credential-kinds';

/** Below Windows' 2,560-byte cap with room to spare for the JSON framing. */
export const INLINE_LIMIT_BYTES = 2048;
const MAGIC = Buffer.from('LSV1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

type Entry = { v: 1; p: SecretPayload } | { v: 1; blob: string; k: string };

export interface EncodedSecret {
  /** The keychain entry's value. */
  entry: string;
  /** Present when the payload was sealed: the file to write before the entry is stored. */
  blob?: { name: string; bytes: Buffer };
}

/** `aad` binds the blob to its keychain account: a blob swapped onto another entry fails to open. */
export function encodeSecret(payload: SecretPayload, aad: string, blobName: string, inlineLimit = INLINE_LIMIT_BYTES): EncodedSecret {
  const inline = JSON.stringify({ v: 1, p: payload } satisfies Entry);
  if (Buffer.byteLength(inline, 'utf8') <= inlineLimit) return { entry: inline };
  const key = randomBytes(32);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  const bytes = Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]);
  const entry = JSON.stringify({ v: 1, blob: blobName, k: key.toString('base64') } satisfies Entry);
  return { entry, blob: { name: blobName, bytes } };
}

/** The blob a keychain entry points at, if any (for orphan scans and clean-up). */
export function blobNameOf(entry: string): string | undefined {
  const parsed = parseEntry(entry);
  return 'blob' in parsed ? parsed.blob : undefined;
}

export function decodeSecret(entry: string, aad: string, readBlob: (name: string) => Buffer | undefined): SecretPayload {
  const parsed = parseEntry(entry);
  if ('p' in parsed) return parsed.p;
  const bytes = readBlob(parsed.blob);
  if (!bytes) throw new AppError('SECRET_UNREADABLE', 'The encrypted part of this secret is missing from the data directory; run the orphan scan to repair.');
  if (bytes.length < MAGIC.length + IV_BYTES + TAG_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new AppError('SECRET_UNREADABLE', 'The encrypted part of this secret is damaged.');
  }
  const iv = bytes.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
  const tag = bytes.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
  try {
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(parsed.k, 'base64'), iv);
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    const plain = Buffer.concat([decipher.update(bytes.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as SecretPayload;
  } catch {
    // GCM authentication failed: tampered blob, wrong key or a blob of another entry.
    throw new AppError('SECRET_UNREADABLE', 'The encrypted part of this secret failed its integrity check.');
  }
}

function parseEntry(entry: string): Entry {
  try {
    const parsed = JSON.parse(entry) as Partial<{ v: number; p: unknown; blob: unknown; k: unknown }>;
    if (parsed.v === 1 && parsed.p && typeof parsed.p === 'object') return parsed as Entry;
    if (parsed.v === 1 && typeof parsed.blob === 'string' && typeof parsed.k === 'string') return parsed as Entry;
  } catch {
    // fall through: not one of ours
  }
  throw new AppError('SECRET_UNREADABLE', 'The keychain entry is not in a format this app wrote.');
}
