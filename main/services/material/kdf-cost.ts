/**
 * Refuses a private key whose own header asks for more key-derivation work than key tools write,
 * before any of it runs: OpenSSH keys name their bcrypt rounds, encrypted PKCS#8 its PBKDF2
 * iterations, and both are run synchronously (ssh2's bcrypt is JavaScript, ~40–130 ms a round on a
 * laptop core, on the main process) — a mutated round count of 2^31 would hang the app (found by
 * `npm run fuzz`). ssh-keygen writes 16 rounds by default; OpenSSL 2,048 iterations.
 */
import forge from 'node-forge';
import { AppError } from '../../../shared/result';
import { findPemBlocks } from './pem-blocks';

export const MAX_BCRYPT_ROUNDS = 32;
export const MAX_PBKDF2_ITERATIONS = 200_000;

const PBES2 = '1.2.840.113549.1.5.13';

/** bcrypt rounds of an encrypted OpenSSH key, 0 when it is not one (or unreadable: the parser says so). */
export function opensshRounds(text: string): number {
  const [block] = findPemBlocks(text, ['OPENSSH PRIVATE KEY'], 1);
  if (!block) return 0;
  const b = Buffer.from(block.body.replace(/\s+/g, ''), 'base64');
  const magic = 'openssh-key-v1\0';
  if (b.subarray(0, magic.length).toString('latin1') !== magic) return 0;
  let at = magic.length;
  const str = (): Buffer | undefined => {
    if (at + 4 > b.length) return undefined;
    const n = b.readUInt32BE(at);
    if (at + 4 + n > b.length) return undefined;
    const s = b.subarray(at + 4, at + 4 + n);
    at += 4 + n;
    return s;
  };
  str(); // cipher name
  const kdf = str()?.toString('latin1');
  const options = str();
  if (kdf !== 'bcrypt' || !options || options.length < 4) return 0;
  const saltLen = options.readUInt32BE(0);
  return 4 + saltLen + 4 <= options.length ? options.readUInt32BE(4 + saltLen) : 0;
}

/** PBKDF2 iterations of an encrypted PKCS#8 PEM key, 0 when it is not one. */
export function pkcs8Iterations(text: string): number {
  const [block] = findPemBlocks(text, ['ENCRYPTED PRIVATE KEY'], 1);
  if (!block) return 0;
  try {
    const asn = forge.asn1.fromDer(Buffer.from(block.body.replace(/\s+/g, ''), 'base64').toString('binary'));
    const alg = (asn.value as forge.asn1.Asn1[])[0]!;
    const [oid, params] = alg.value as forge.asn1.Asn1[];
    const kdfParams = forge.asn1.derToOid(oid!.value as string) === PBES2 ? (((params!.value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[])[1]!) : params!;
    const iter = (kdfParams.value as forge.asn1.Asn1[])[1]!.value as string;
    // More than 4 bytes is more than 2^32 iterations.
    return iter.length > 4 ? Infinity : parseInt(forge.util.bytesToHex(iter) || '0', 16);
  } catch {
    return 0;
  }
}

export function assertKeyDerivationCost(text: string): void {
  const rounds = opensshRounds(text);
  if (rounds > MAX_BCRYPT_ROUNDS) {
    throw new AppError('KEY_TOO_COSTLY', `The key asks for ${rounds} bcrypt rounds (ssh-keygen writes 16; at most ${MAX_BCRYPT_ROUNDS} are accepted, each costs up to 0.1 s on every use). Re-encrypt it: ssh-keygen -p -a 16 -f <key file>.`, 'key');
  }
  const iterations = pkcs8Iterations(text);
  if (iterations > MAX_PBKDF2_ITERATIONS) {
    throw new AppError('KEY_TOO_COSTLY', `The key asks for ${Number.isFinite(iterations) ? iterations : 'more than 4 billion'} PBKDF2 iterations (OpenSSL writes 2,048; at most ${MAX_PBKDF2_ITERATIONS} are accepted). Re-encrypt it: openssl pkcs8 -topk8 -v2 aes-256-cbc -in <key> -out <new key>.`, 'key');
  }
}
