/**
 * Encrypting and decrypting bundles in the age format (age-encryption.org/v1) with the kept
 * `age-encryption` library, loaded on first use. X25519 runs on Node 20's WebCrypto (the library
 * falls back to @noble/curves where a runtime lacks it); the passphrase stanza uses Node's scrypt
 * off the main thread (native-scrypt.ts). Every failure becomes one clear AppError: a file that is
 * not age, cut short, changed, made for another recipient, or opened with the wrong passphrase.
 */
import { AppError } from '../../../shared/result';
import { NativeScryptIdentity, NativeScryptRecipient, SCRYPT_LOG_N } from './native-scrypt';

export type BundleKey = { recipient: string } | { passphrase: string };

const age = () => import('age-encryption');
const MAGIC = 'age-encryption.org/v1\n';
const ARMOR = '-----BEGIN AGE ENCRYPTED FILE-----';
const CHUNK_WITH_TAG = 64 * 1024 + 16;

export const RECIPIENT_PATTERN = /^age1[02-9ac-hj-np-z]{58}$/;

export async function encryptBundle(plaintext: string, key: BundleKey, scryptLogN = SCRYPT_LOG_N): Promise<Uint8Array> {
  const { Encrypter } = await age();
  const e = new Encrypter();
  if ('recipient' in key) {
    if (!RECIPIENT_PATTERN.test(key.recipient)) {
      throw new AppError('INVALID_RECIPIENT', 'That is not an age recipient: it starts with age1 and is 62 characters long (the receiver finds it under Landscapes → Receive…, or with `landscape bundle identity`).', 'to');
    }
    try {
      e.addRecipient(key.recipient);
    } catch {
      throw new AppError('INVALID_RECIPIENT', 'That age recipient is malformed (a character was changed or lost); ask the receiver to copy it again.', 'to');
    }
  } else e.addRecipient(new NativeScryptRecipient(key.passphrase, scryptLogN));
  return e.encrypt(plaintext);
}

interface HeaderFacts {
  stanzaTypes: string[];
  /** Bytes after the header's MAC line (nonce + payload), or undefined when the header never ends. */
  restLength?: number;
}

/** Reads just enough of the header to explain a failure (the library verifies it properly). */
function headerFacts(bytes: Uint8Array): HeaderFacts {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString('latin1');
  const stanzaTypes = [...head.matchAll(/^-> (\S+)/gm)].map((m) => m[1] as string);
  const mac = /\n--- [^\n]*\n/.exec(head);
  return mac ? { stanzaTypes, restLength: bytes.length - (mac.index + mac[0].length) } : { stanzaTypes };
}

function truncated(where: string): AppError {
  return new AppError('BUNDLE_TRUNCATED', `The bundle is incomplete: the file ends in the middle of its ${where}. Nothing was imported. Copy the whole file again (the sender's copy is intact).`);
}

/** Turns an armored (`age -a`) file into binary; anything else is returned as it is. */
async function dearmor(bytes: Uint8Array): Promise<Uint8Array> {
  const text = Buffer.from(bytes.subarray(0, ARMOR.length + 8)).toString('latin1').trimStart();
  if (!text.startsWith(ARMOR)) return bytes;
  const { armor } = await age();
  try {
    return armor.decode(Buffer.from(bytes).toString('latin1'));
  } catch {
    throw new AppError('BUNDLE_TRUNCATED', 'The bundle (ASCII-armored) is damaged or incomplete: its BEGIN/END lines or base64 text are broken. Copy the whole file again.');
  }
}

export interface DecryptKeys {
  /** This installation's AGE-SECRET-KEY-1… (from the keychain). */
  identity?: string;
  passphrase?: string;
}

export interface Decrypted {
  text: string;
  encryptedWith: 'recipient' | 'passphrase';
}

export async function decryptBundle(input: Uint8Array, keys: DecryptKeys): Promise<Decrypted> {
  const bytes = await dearmor(input);
  const start = Buffer.from(bytes.subarray(0, MAGIC.length)).toString('latin1');
  if (start !== MAGIC) {
    if (MAGIC.startsWith(start)) throw truncated('header');
    throw new AppError('NOT_A_BUNDLE', 'This file is not an encrypted bundle (age format). Choose the .age file the sender made with "Send to another laptop…".');
  }
  const facts = headerFacts(bytes);
  if (facts.restLength === undefined) throw truncated('header');
  const payload = facts.restLength - 16;
  if (payload < 16 || (payload % CHUNK_WITH_TAG > 0 && payload % CHUNK_WITH_TAG <= 16)) throw truncated('content');
  const byPassphrase = facts.stanzaTypes.includes('scrypt');
  if (byPassphrase && !keys.passphrase) {
    throw new AppError('PASSPHRASE_REQUIRED', 'This bundle is protected by a passphrase: enter the passphrase the sender gave you (CLI: --passphrase-env VAR).', 'passphrase');
  }
  const { Decrypter } = await age();
  const d = new Decrypter();
  if (keys.passphrase && byPassphrase) d.addIdentity(new NativeScryptIdentity(keys.passphrase));
  if (keys.identity) d.addIdentity(keys.identity);
  let plain: Uint8Array;
  try {
    plain = await d.decrypt(bytes);
  } catch (e) {
    throw explain(e instanceof Error ? e.message : String(e), byPassphrase);
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(plain), encryptedWith: byPassphrase ? 'passphrase' : 'recipient' };
  } catch {
    throw new AppError('NOT_A_BUNDLE', 'The file decrypted, but what it holds is not a Landscape Setup bundle (not text).');
  }
}

function explain(message: string, byPassphrase: boolean): AppError {
  if (/no identity matched/.test(message)) {
    return byPassphrase
      ? new AppError('WRONG_PASSPHRASE', 'The passphrase is wrong (it is case-sensitive). Nothing was imported. Check it with the sender and try again.', 'passphrase')
      : new AppError(
          'WRONG_RECIPIENT',
          "This bundle was encrypted for another laptop's recipient, not this one (or its header was damaged). Nothing was imported. Send the sender your recipient (Landscapes → Receive…, or `landscape bundle identity`) and ask for a new bundle.",
        );
  }
  if (/invalid (header HMAC|tag)|final chunk is empty|ciphertext/.test(message)) {
    return new AppError('BUNDLE_TAMPERED', 'The bundle failed its integrity check: it was changed, damaged or cut short after it was made. Nothing was imported. Ask the sender for a fresh copy.');
  }
  if (/work factor is too high/.test(message)) {
    return new AppError('BUNDLE_REFUSED', 'The bundle asks for an unreasonably expensive passphrase check (scrypt above 2^20); refused. Ask the sender to export it again with Landscape Setup.');
  }
  return new AppError('BUNDLE_TAMPERED', 'The bundle header is malformed: the file was changed or damaged after it was made. Nothing was imported. Ask the sender for a fresh copy.');
}
