/**
 * PGP material for the fuzzer to mutate, made at run time by GnuPG (the tool partners export with):
 * an Ed25519 key with a Cv25519 subkey and an RSA-2048 key, as armored and binary public keyrings,
 * an armored secret keyring under PGP_PASSPHRASE, and an encrypted message and a detached
 * signature (PGP data that holds no key). Nothing is committed.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeGnuPg } from '../../support/gnupg';

export const PGP_PASSPHRASE = 'fuzz pgp passphrase';

export interface PgpSeeds {
  armored: string[];
  binary: Uint8Array[];
}

let cached: PgpSeeds | undefined;

export function pgpSeeds(): PgpSeeds {
  if (cached) return cached;
  const g = makeGnuPg();
  // A small S2K count keeps an accepted secret import cheap; a mutated count is one of the attacks.
  appendFileSync(join(g.home, 'gpg-agent.conf'), 's2k-count 65536\n');
  try {
    const ed = g.makeKey('Fuzz Ed25519 <ed@fuzz.example>', 'ed25519', 'sign', { subkey: ['cv25519', 'encr'], passphrase: PGP_PASSPHRASE });
    const rsa = g.makeKey('Fuzz RSA <rsa@fuzz.example>', 'rsa2048', 'sign,encr', { passphrase: PGP_PASSPHRASE });
    const bin = (name: string, args: string[]) => {
      g.run(['--output', join(g.home, name), ...args], { passphrase: PGP_PASSPHRASE });
      return new Uint8Array(readFileSync(join(g.home, name)));
    };
    const armored = [
      g.run(['--armor', '--export', ed]),
      g.run(['--armor', '--export', ed, rsa]),
      g.run(['--armor', '--export-secret-keys', ed], { passphrase: PGP_PASSPHRASE }),
      g.run(['--armor', '--trust-model', 'always', '--encrypt', '-r', ed], { input: 'hello' }),
      g.run(['--armor', '--detach-sign', '-u', ed], { passphrase: PGP_PASSPHRASE, input: 'hello' }),
    ];
    return (cached = { armored, binary: [bin('public.gpg', ['--export', rsa]), bin('secret.gpg', ['--export-secret-keys', ed])] });
  } finally {
    g.close();
  }
}
