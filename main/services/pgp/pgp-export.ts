/**
 * Keyrings exactly as CI's PGP Keys upload takes them (Monitor → Integrations → Manage Security →
 * PGP Keys → Add → Public Keys / Secret Keys): one file, one or more keys, armored .asc or binary
 * .gpg. A secret keyring is always protected, and every key in it under the same passphrase — CI
 * refuses an unprotected secret key and a file whose keys need different passphrases.
 */
import * as openpgp from 'openpgp';
import type { PgpExportResult, PgpKeySummary, PgpUploadAdvice } from '../../../shared/pgp/pgp-types';
import { AppError } from '../../../shared/result';
import { writeExport } from '../material/export-file';
import { writeKeyring } from './pgp-codec';
import type { PgpKeyring } from './pgp-keyring';

export const CI_PGP_WHERE = 'Cloud Integration: Monitor → Integrations → Manage Security → PGP Keys → Add';

export function uploadAdvice(keyring: 'public' | 'secret'): PgpUploadAdvice[] {
  const ring = keyring === 'public' ? 'public keyring' : 'secret keyring';
  return [
    { mode: 'add', title: `Add → ${keyring === 'public' ? 'Public Keys' : 'Secret Keys'}`, effect: `Merges the file's keys into the tenant's ${ring}; a key whose key ID the tenant already has stays as it is. Use it for new keys.` },
    { mode: 'add-overwrite', title: 'Add with "Overwrite Existing Keys"', effect: `Merges, and a key whose key ID the tenant already has is replaced by the file's version. Use it for a renewed key (new expiry, same key ID).` },
    { mode: 'replace', title: 'Replace', effect: `The file becomes the tenant's whole ${ring}: every key not in the file is gone, and iFlows that use those keys fail. Use it only with a complete keyring.` },
  ];
}

function describe(s: PgpKeySummary) {
  return { label: s.label, keyId: s.keyId, fingerprint: s.fingerprint, userIds: s.userIds };
}

function unique(refs: string[]): string[] {
  if (refs.length === 0) throw new AppError('INVALID_INPUT', 'Name at least one PGP key to export.', 'labels');
  return [...new Set(refs.map((r) => r.trim()))];
}

export function createPgpExport(deps: { keyring: PgpKeyring; dataDir: string }) {
  async function publicKeyring(refs: string[], binary: boolean) {
    const found = await Promise.all(unique(refs).map((l) => deps.keyring.resolve(l, 'labels')));
    const keys = await Promise.all(found.map((f) => openpgp.readKey({ armoredKey: f.entry.publicKey })));
    return { data: writeKeyring(keys, false, binary), found };
  }

  async function secretKeyring(refs: string[], passphrase: string, binary: boolean) {
    if (!passphrase || passphrase.length < 8) {
      throw new AppError('INVALID_INPUT', 'The secret keyring needs a passphrase of at least 8 characters: CI refuses unprotected secret keys.', 'passphrase');
    }
    const locked: openpgp.PrivateKey[] = [];
    const described = [];
    for (const ref of unique(refs)) {
      const { key, summary } = await deps.keyring.privateKey(ref, 'labels');
      locked.push(await openpgp.encryptKey({ privateKey: key, passphrase }));
      described.push(describe(summary));
    }
    return { data: writeKeyring(locked, true, binary), described };
  }

  return {
    /** MAIN ONLY: keyrings in memory, armored (labels, key IDs or fingerprints), for the handover pack. */
    publicKeyringText: async (refs: string[]) => (await publicKeyring(refs, false)).data as string,
    secretKeyringText: async (refs: string[], passphrase: string) => (await secretKeyring(refs, passphrase, false)).data as string,

    async exportPublic(input: { labels: string[]; outPath: string; binary?: boolean }): Promise<PgpExportResult> {
      const { data, found } = await publicKeyring(input.labels, !!input.binary);
      const path = writeExport(deps.dataDir, input.outPath, typeof data === 'string' ? data : Buffer.from(data), false);
      return { path, keyring: 'public', format: input.binary ? 'binary' : 'armored', keys: found.map((f) => describe(f.summary)), where: `${CI_PGP_WHERE} → Public Keys`, upload: uploadAdvice('public') };
    },

    /** Every key re-locked under `passphrase` (the one CI asks for on upload). */
    async exportSecret(input: { labels: string[]; outPath: string; passphrase: string; binary?: boolean }): Promise<PgpExportResult> {
      const { data, described } = await secretKeyring(input.labels, input.passphrase, !!input.binary);
      const path = writeExport(deps.dataDir, input.outPath, typeof data === 'string' ? data : Buffer.from(data), true);
      return { path, keyring: 'secret', format: input.binary ? 'binary' : 'armored', keys: described, where: `${CI_PGP_WHERE} → Secret Keys (give the same passphrase)`, upload: uploadAdvice('secret') };
    },
  };
}
