/**
 * A protected secret key names its own passphrase-hashing work (its S2K specifier), and OpenPGP.js
 * runs whatever it says when the key is unlocked: an iterated S2K hashes up to 65 MB per key
 * packet (so a file of 500 keys is minutes), and an Argon2 S2K may ask for up to 1 TiB of memory
 * and 255 passes (OpenPGP.js only refuses above 2^30 KiB). The same defence as for .p12 and OpenSSH
 * keys (kdf-budget.ts, kdf-cost.ts): the work of the whole file is added up before any of it runs,
 * and a file asking for far more than real tools write is refused.
 *
 * Real tools: gpg-agent calibrates the iterated count to ~100 ms (at most 65,011,712 bytes);
 * OpenPGP.js writes 16 MiB; RFC 9580's Argon2 choices are 2 GiB × 1 pass and 64 MiB × 3 passes.
 */
import type * as openpgp from 'openpgp';
import { AppError } from '../../../shared/result';

/** Bytes hashed across one file: 16 packets at gpg's largest count (twice for a 256-bit key). */
export const S2K_HASH_BUDGET = 16 * 2 * 65_011_712;
/** 2^21 KiB = 2 GiB per Argon2 derivation, RFC 9580's first recommended choice. */
export const MAX_ARGON2_MEMORY_EXPONENT = 21;
/** KiB × passes across one file: four derivations at RFC 9580's 2 GiB, or 42 at OpenPGP.js's 64 MiB × 3. */
export const ARGON2_BUDGET_KIB = 4 * 2 ** 21;

interface S2kLike {
  type?: string;
  t?: number;
  encodedM?: number;
  getCount?: () => number;
}

export interface S2kWork {
  hashBytes: number;
  argon2KiB: number;
  maxMemoryExponent: number;
}

/** The unlock work every protected secret key packet of `keys` asks for. */
export function s2kWork(keys: openpgp.Key[]): S2kWork {
  const work: S2kWork = { hashBytes: 0, argon2KiB: 0, maxMemoryExponent: 0 };
  for (const key of keys) {
    if (!key.isPrivate()) continue;
    for (const packet of [key.keyPacket, ...key.subkeys.map((s) => s.keyPacket)]) {
      const s2k = (packet as { s2k?: S2kLike | null }).s2k;
      if (!s2k || (packet as { isEncrypted?: boolean | null }).isEncrypted !== true) continue;
      // A 256-bit key from a 160-bit hash takes two passes over the iterated input.
      if (s2k.type === 'iterated') work.hashBytes += 2 * (s2k.getCount?.() ?? 0);
      if (s2k.type === 'argon2') {
        const m = s2k.encodedM ?? 0;
        work.maxMemoryExponent = Math.max(work.maxMemoryExponent, m);
        work.argon2KiB += Math.max(1, s2k.t ?? 1) * 2 ** Math.min(m, 40);
      }
    }
  }
  return work;
}

/** Throws PGP_TOO_COSTLY when unlocking the file's keys would cost more than real tools ask for. */
export function assertS2kWithinBudget(keys: openpgp.Key[]): void {
  const w = s2kWork(keys);
  const refuse = (what: string) =>
    new AppError('PGP_TOO_COSTLY', `The file's secret keys ask for ${what} to check a passphrase, far more than gpg or OpenPGP tools write; refused. Ask for the keys to be exported again (gpg --export-secret-keys, or landscape pgp export-secret).`, 'file');
  if (w.maxMemoryExponent > MAX_ARGON2_MEMORY_EXPONENT) throw refuse(`Argon2 with ${2 ** (w.maxMemoryExponent - 20)} GiB of memory`);
  if (w.argon2KiB > ARGON2_BUDGET_KIB) throw refuse(`${Math.round(w.argon2KiB / 2 ** 20)} GiB-passes of Argon2 work`);
  if (w.hashBytes > S2K_HASH_BUDGET) throw refuse(`${Math.round(w.hashBytes / 2 ** 20)} MiB of hashing`);
}
