/**
 * The OpenPGP.js side of PGP keys: read keys from armored or binary input (single keys and
 * keyrings), generate RSA keys, and write keyrings the way CI's PGP Keys upload takes them.
 * Input is first checked with the pure armor and packet readers, so a damaged file gets a clear
 * message rather than a library's.
 */
import * as openpgp from 'openpgp';
import { looksArmored, parseArmoredPgp } from '../../../shared/pgp/armor';
import { keyringKindOf, scanPackets, type KeyringKind } from '../../../shared/pgp/packets';
import type { PgpKeyType } from '../../../shared/pgp/pgp-types';
import { AppError } from '../../../shared/result';
import { assertS2kWithinBudget } from './pgp-kdf-cost';

export interface ReadKeyring {
  keys: openpgp.Key[];
  kind: KeyringKind;
  armored: boolean;
}

const MAX_KEYS = 500;

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** The packets of the input: armored blocks decoded (keys only), or the binary as it is. */
export function keyPacketsOf(input: Uint8Array | string): { bytes: Uint8Array; armored: boolean } {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  if (!looksArmored(bytes)) return { bytes, armored: false };
  const parsed = parseArmoredPgp(new TextDecoder().decode(bytes));
  if (!parsed.ok) throw new AppError('PGP_UNREADABLE', `Not a readable PGP file: ${parsed.error}${parsed.line ? ` (line ${parsed.line})` : ''}`, 'file');
  const damaged = parsed.blocks.find((b) => b.checksum === 'mismatch');
  if (damaged) throw new AppError('PGP_UNREADABLE', `The "${damaged.label}" block is damaged (its checksum does not match): copy the file again.`, 'file');
  const keyBlocks = parsed.blocks.filter((b) => b.type === 'public-key' || b.type === 'private-key');
  if (keyBlocks.length === 0) throw new AppError('PGP_NO_KEYS', `The file holds ${parsed.blocks.map((b) => b.label).join(', ')}, no key.`, 'file');
  return { bytes: concat(keyBlocks.map((b) => b.data)), armored: true };
}

/** Every key of a .asc / .gpg file; all-or-nothing: one unreadable key fails the whole file. */
export async function readKeyring(input: Uint8Array | string): Promise<ReadKeyring> {
  const { bytes, armored } = keyPacketsOf(input);
  const scan = scanPackets(bytes);
  if (!scan.ok) throw new AppError('PGP_UNREADABLE', `Not a readable PGP file: ${scan.error} (at byte ${scan.offset}).`, 'file');
  const kind = keyringKindOf(scan.packets);
  if (kind === 'no-keys') throw new AppError('PGP_NO_KEYS', 'The file holds PGP data but no key (a message or signature?).', 'file');
  let keys: openpgp.Key[];
  try {
    keys = await openpgp.readKeys({ binaryKeys: bytes });
  } catch (e) {
    throw new AppError('PGP_UNREADABLE', `A key in the file could not be read (${(e as Error).message.replace(/^Error [a-z ]+: /i, '').slice(0, 160)}).`, 'file');
  }
  if (keys.length > MAX_KEYS) throw new AppError('PGP_TOO_MANY', `The file holds ${keys.length} keys; at most ${MAX_KEYS} are read at once.`, 'file');
  // Before anything unlocks a key: the passphrase-hashing work the file names is bounded.
  assertS2kWithinBudget(keys);
  return { keys, kind, armored };
}

/** "Name <mail>", "<mail>", "mail" or "Name" → OpenPGP.js's user ID object. */
export function parseUserId(text: string): { name?: string; email?: string } {
  const t = text.trim();
  const m = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(t);
  if (m) return { ...(m[1] ? { name: m[1] } : {}), email: m[2]! };
  if (/^[^<>\s]+@[^<>\s]+$/.test(t)) return { email: t };
  if (!t || /[<>]/.test(t)) throw new AppError('INVALID_INPUT', 'The user ID must look like "Name <mail@example.com>".', 'userId');
  return { name: t };
}

export async function generateRsaKey(input: { type: PgpKeyType; userId: string; expiresDays: number; passphrase: string; date?: Date }) {
  const bits = Number(input.type.slice(4)) as 2048 | 3072 | 4096;
  try {
    const { privateKey, publicKey } = await openpgp.generateKey({
      type: 'rsa',
      rsaBits: bits,
      userIDs: [parseUserId(input.userId)],
      passphrase: input.passphrase,
      keyExpirationTime: input.expiresDays * 86_400,
      ...(input.date ? { date: input.date } : {}),
      format: 'armored',
    });
    return { privateKey, publicKey };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', `The key could not be generated: ${(e as Error).message.replace(/^Error generating keypair: /, '')}.`, 'userId');
  }
}

/** Unlocks a secret key; the wrong passphrase is CI's own "Invalid passphrase." case. */
export async function unlock(key: openpgp.PrivateKey, passphrase: string | undefined): Promise<openpgp.PrivateKey> {
  if (key.isDecrypted()) return key;
  if (!passphrase) throw new AppError('PASSPHRASE_REQUIRED', `The secret key ${key.getKeyID().toHex().toUpperCase()} is protected: give its passphrase (--passphrase-env VAR).`, 'passphrase');
  try {
    return await openpgp.decryptKey({ privateKey: key, passphrase });
  } catch {
    throw new AppError('WRONG_PASSPHRASE', `The passphrase does not unlock the secret key ${key.getKeyID().toHex().toUpperCase()}.`, 'passphrase');
  }
}

/**
 * One file, one armor block (or plain packets): how gpg --export writes a keyring. The CRC-24 line
 * is always written: GnuPG 2.2 misreads armor without it when the radix-64 ends without padding
 * (dev.gnupg.org T7071), and OpenPGP.js 6 leaves it out by default.
 */
export function writeKeyring(keys: openpgp.Key[], secret: boolean, binary: boolean): string | Uint8Array {
  const bytes = concat(keys.map((k) => k.write()));
  return binary ? bytes : openpgp.armor(secret ? openpgp.enums.armor.privateKey : openpgp.enums.armor.publicKey, bytes, undefined, undefined, undefined, true);
}

export async function armoredPublicOf(key: openpgp.Key): Promise<string> {
  return key.toPublic().armor();
}
