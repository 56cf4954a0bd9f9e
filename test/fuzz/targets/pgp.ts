/**
 * PGP input: the pure armor reader (parseArmoredPgp), a key file imported through the `pgp:import`
 * channel the Certificates view calls (OpenPGP.js behind our armor and packet checks), and the
 * keyring lint `landscape pgp lint FILE` runs before an upload.
 */
import fc from 'fast-check';
import { parseArmoredPgp } from '../../../shared/pgp/armor';
import type { PgpImportResult } from '../../../shared/pgp/pgp-types';
import { AppError } from '../../../shared/result';
import type { FuzzTarget } from '../fuzz-types';
import { mutatedBytes, mutatedText } from '../mutate';
import { createWatchedServices } from '../store-watch';
import { fileImporter } from './file-importer';
import { PGP_PASSPHRASE, pgpSeeds } from './pgp-seeds';

const ARMOR_TOKENS = [
  '-----BEGIN PGP PUBLIC KEY BLOCK-----\n',
  '-----BEGIN PGP PRIVATE KEY BLOCK-----\n',
  '-----END PGP PUBLIC KEY BLOCK-----\n',
  '-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n',
  '-----BEGIN PGP SIGNATURE-----\n',
  '-----BEGIN PGP MESSAGE-----\n',
  'Comment: x\n',
  'Version: 1\n',
  '\n=AAAA\n',
  '=',
  '\r\n',
  'mQINB',
  'lQdGB',
];
// Packet headers: old and new format, partial and five-octet lengths, secret-key and S2K bytes.
const PACKET_TOKENS = ['\x99\x01\x0d', '\xc6\xff\xff\xff\xff\xff', '\x95\x80', '\xc5\xe0', '\xfe\x09\x03\xff', '\xff\x12\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x04\x1e', '\x04', '\x16'];

const pgpInput = (): fc.Arbitrary<Uint8Array | string> =>
  fc.oneof(mutatedText({ seeds: pgpSeeds().armored, tokens: ARMOR_TOKENS }), mutatedBytes({ seeds: pgpSeeds().binary, tokens: PACKET_TOKENS }));

/** The pure reader: a refusal is its `{ ok: false, error }`, anything thrown is a crash. */
export const pgpArmorTarget: FuzzTarget<string> = {
  name: 'PGP armored input',
  async setup() {
    return {
      arbitrary: mutatedText({ seeds: pgpSeeds().armored, tokens: ARMOR_TOKENS }),
      run: async (text) => {
        const r = parseArmoredPgp(text);
        if (!r.ok) throw new AppError('PGP_ARMOR_REFUSED', r.error);
        return r.blocks.length;
      },
      close: async () => undefined,
    };
  },
};

export const pgpImportTarget = fileImporter({
  name: 'PGP key file (import)',
  channel: 'pgp:import',
  arbitrary: pgpInput,
  request: (path) => ({ path, label: 'fuzz', passphrase: PGP_PASSPHRASE }),
  // PGP keys live in pgp-keys.json (and the keychain for secret ones): removed before w.reset.
  afterAccepted: async (w, result) => {
    for (const k of (result as PgpImportResult).imported) await w.services.pgp.remove(k.label);
  },
});

/** `landscape pgp lint FILE --passphrase-env`: the CLI hands the file's bytes to the service. */
export const pgpLintTarget: FuzzTarget<Uint8Array | string> = {
  name: 'PGP keyring lint',
  async setup() {
    const w = await createWatchedServices();
    return {
      arbitrary: pgpInput(),
      run: async (data) => {
        const r = await w.services.pgp.lintFile({ data: typeof data === 'string' ? new Uint8Array(Buffer.from(data, 'latin1')) : data, passphrase: PGP_PASSPHRASE });
        // The lint reports an unreadable file as a finding (with CI's upload refusal), not a throw.
        const unreadable = r.findings.find((f) => f.code === 'pgp-file-format');
        if (unreadable) throw new AppError('PGP_FILE_FORMAT', unreadable.message);
        return r;
      },
      storeChange: () => w.storeChange(),
      afterAccepted: () => w.reset(),
      close: () => w.close(),
    };
  },
};
