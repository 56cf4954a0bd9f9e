/**
 * services.pgp: PGP keys for message-level security (CI's PGP Encryptor / Decryptor / Signer /
 * Verifier steps) — keys, keyring exports as CI takes them, lint, and sign / decrypt checks.
 */
import type { PgpLintResult } from '../../../shared/pgp/pgp-types';
import { countFindings, lintKeyringUserIds, lintPgpKey, type PgpFinding } from '../../../shared/pgp/pgp-lint';
import type { VaultPort } from '../material/vault-port';
import type { StoreBackendFactory } from '../store/store-backend';
import type { Logger } from '../logger';
import type { DocumentStore } from '../store/document-store';
import { createPgpDocument, type PgpDocument } from './pgp-document';
import { createPgpExport } from './pgp-export';
import { lintKeyringFile } from './pgp-file-lint';
import { createPgpKeyring } from './pgp-keyring';
import { createPgpMessages } from './pgp-messages';
import { createPgpLandscape } from './pgp-landscape';
import { pgpExpirySource } from './pgp-expiry';
import type { LandscapesService } from '../landscapes/landscapes-service';

export interface PgpDeps {
  vault: VaultPort;
  landscapes: Pick<LandscapesService, 'get' | 'updatePathway'>;
  dataDir: string;
  storeBackend: StoreBackendFactory;
  log: Logger;
  now: () => Date;
}

export function lintResult(findings: PgpFinding[]): PgpLintResult {
  return { findings, ...countFindings(findings) };
}

export function createPgpService(deps: PgpDeps) {
  let document: DocumentStore<PgpDocument> | undefined;
  const keyring = createPgpKeyring({
    vault: deps.vault,
    document: () => (document ??= createPgpDocument({ backend: deps.storeBackend, dataDir: deps.dataDir, log: deps.log, now: deps.now })),
    now: deps.now,
  });
  const inLandscape = createPgpLandscape({ keyring, landscapes: deps.landscapes, now: deps.now });
  return {
    list: keyring.list,
    resolve: async (ref: string) => (await keyring.resolve(ref)).summary,
    create: keyring.create,
    importKeys: keyring.importKeys,
    remove: keyring.remove,
    /** MAIN ONLY (bundles): the stored entries, and a bundle import's entries written in one go. */
    storedEntries: keyring.entries,
    importEntries: keyring.importEntries,
    ...createPgpExport({ keyring, dataDir: deps.dataDir }),
    ...createPgpMessages({ keyring }),

    /** The named keys (or all): each key's findings, and user-ID overlaps within each keyring. */
    async lintKeys(labels: string[] = []): Promise<PgpLintResult> {
      const all = await keyring.list();
      const keys = labels.length ? await Promise.all(labels.map(async (l) => (await keyring.resolve(l, 'labels')).summary)) : all;
      const now = deps.now();
      const findings = keys.flatMap((k) => lintPgpKey(k, now));
      findings.push(...lintKeyringUserIds(keys.filter((k) => k.role === 'partner'), 'public'));
      findings.push(...lintKeyringUserIds(keys.filter((k) => k.role === 'own'), 'secret'));
      return lintResult(findings);
    },

    /** The expiry radar's source of PGP keys in use (plugged into services.evidence). */
    expirySource: pgpExpirySource(keyring.list),
    attach: inLandscape.attach,
    detach: inLandscape.detach,
    /** The landscape as the tenant will hold it: its PGP pathways, keys, keyrings and typed user IDs. */
    async lintLandscape(ref: string): Promise<PgpLintResult> {
      return lintResult(await inLandscape.lintLandscape(ref));
    },

    async lintFile(input: { data: Uint8Array | string; as?: 'public' | 'secret'; passphrase?: string }): Promise<PgpLintResult> {
      return lintResult(await lintKeyringFile({ ...input, now: deps.now() }));
    },
  };
}

export type PgpService = ReturnType<typeof createPgpService>;
