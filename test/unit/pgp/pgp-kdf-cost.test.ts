/**
 * A secret keyring that names more passphrase-hashing work than real tools write is refused before
 * any of it runs. The hostile files are real OpenPGP.js keys protected cheaply, then rewritten
 * with the costly S2K parameters (so the test itself never runs the work it guards against).
 */
import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { readKeyring } from '../../../main/services/pgp/pgp-codec';
import { s2kWork, S2K_HASH_BUDGET } from '../../../main/services/pgp/pgp-kdf-cost';
import { isAppError } from '../../../shared/result';

type S2k = { c: number; encodedM: number; t: number };
const s2kOf = (p: unknown) => (p as { s2k: S2k }).s2k;

async function protectedKey(subkeys: number, s2kType: 'iterated' | 'argon2') {
  const { privateKey } = await openpgp.generateKey({ type: 'curve25519', userIDs: [{ email: 'cost@example.com' }], subkeys: Array.from({ length: subkeys }, () => ({})), format: 'object' });
  const config: openpgp.PartialConfig =
    s2kType === 'argon2' ? { s2kType: openpgp.enums.s2k.argon2, s2kArgon2Params: { passes: 1, parallelism: 1, memoryExponent: 10 }, aeadProtect: true } : { s2kIterationCountByte: 0 };
  return openpgp.encryptKey({ privateKey, passphrase: 'cheap passphrase', config });
}

const packets = (k: openpgp.PrivateKey) => [k.keyPacket, ...k.subkeys.map((s) => s.keyPacket)];

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await readKeyring(bytes);
    return 'accepted';
  } catch (e) {
    return isAppError(e) ? `${e.code}: ${e.message}` : `crash: ${String(e)}`;
  }
}

describe('PGP unlock work is bounded per file', () => {
  it('reads an ordinary protected key and counts its work', async () => {
    const key = await protectedKey(1, 'iterated');
    const ring = await readKeyring(key.write());
    expect(ring.kind).toBe('secret');
    expect(s2kWork(ring.keys).hashBytes).toBe(2 * 2 * 1024);
  });

  it('refuses a file whose iterated S2K counts add up past the budget', async () => {
    const key = await protectedKey(16, 'iterated');
    for (const p of packets(key)) s2kOf(p).c = 255;
    expect(s2kWork([key]).hashBytes).toBeGreaterThan(S2K_HASH_BUDGET);
    expect(await refusal(key.write())).toMatch(/^PGP_TOO_COSTLY: .*MiB of hashing/);
  });

  it('refuses Argon2 asking for more than 2 GiB, or too many passes', async () => {
    const big = await protectedKey(0, 'argon2');
    s2kOf(big.keyPacket).encodedM = 30;
    expect(await refusal(big.write())).toMatch(/^PGP_TOO_COSTLY: .*Argon2 with 1024 GiB/);
    const passes = await protectedKey(0, 'argon2');
    Object.assign(s2kOf(passes.keyPacket), { encodedM: 21, t: 255 });
    expect(await refusal(passes.write())).toMatch(/^PGP_TOO_COSTLY: .*GiB-passes/);
  });
});
