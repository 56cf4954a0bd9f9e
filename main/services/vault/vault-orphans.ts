/**
 * The vault's consistency check. A crash between the keychain write and the metadata write, a
 * keychain restored from backup, or a data directory copied to another machine can leave halves
 * behind; the scan names them and `repair` removes the dangling half (never a complete credential).
 */
import type { CredentialsDocument } from '../../../shared/vault/credential-schema';
import type { Orphan, OrphanKind, RepairReport } from '../../../shared/vault/credential-responses';
import type { Logger } from '../logger';
import type { DocumentStore } from '../store/document-store';
import type { BlobFiles } from './blob-files';
import { blobNameOf, decodeSecret } from './secret-envelope';
import type { SecretStore } from './secret-store';

export type { Orphan, OrphanKind, RepairReport };

export interface OrphanToolDeps {
  secrets: SecretStore;
  blobs: BlobFiles;
  document: () => DocumentStore<CredentialsDocument>;
  accountOf: (id: string, vaultId: string) => string;
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  log: Logger;
}

export function createOrphanTools(deps: OrphanToolDeps) {
  async function scan(): Promise<Orphan[]> {
    const doc = deps.document().read();
    const orphans: Orphan[] = [];
    const referencedBlobs = new Set<string>();
    const vid = doc.vaultId;
    const known = new Map(doc.credentials.map((c) => [c.id, c]));
    const present = new Set<string>();
    if (vid) {
      const prefix = `${vid}:`;
      // Only this data directory's entries: other vaults (other data directories) are not ours.
      for (const account of (await deps.secrets.accounts()).filter((a) => a.startsWith(prefix))) {
        const id = account.slice(prefix.length);
        const entry = await deps.secrets.get(account);
        const blob = entry ? safe(() => blobNameOf(entry)) : undefined;
        if (blob) referencedBlobs.add(blob);
        const meta = known.get(id);
        if (!meta) {
          orphans.push({ kind: 'secret-without-metadata', id, repair: 'Delete the keychain entry (no label or metadata refers to it).' });
          continue;
        }
        present.add(id);
        const readable = entry !== null && safe(() => decodeSecret(entry, account, (n) => deps.blobs.read(n))) !== undefined;
        if (!readable) {
          orphans.push({ kind: 'secret-unreadable', id, label: meta.label, repair: 'Remove the credential (its secret cannot be read); add it again.' });
        }
      }
    }
    for (const meta of doc.credentials) {
      if (!present.has(meta.id)) {
        orphans.push({ kind: 'metadata-without-secret', id: meta.id, label: meta.label, repair: 'Remove the metadata (the keychain has no secret for it); add it again.' });
      }
    }
    for (const blob of deps.blobs.list()) {
      if (!referencedBlobs.has(blob)) orphans.push({ kind: 'stray-blob', id: blob, repair: 'Delete the encrypted file (no keychain entry holds its key).' });
    }
    return orphans;
  }

  async function fix(orphan: Orphan, vid: string | undefined): Promise<void> {
    if (orphan.kind === 'stray-blob') return deps.blobs.remove(orphan.id);
    const account = vid ? deps.accountOf(orphan.id, vid) : undefined;
    if (account) {
      const entry = await deps.secrets.get(account);
      if (entry !== null) await deps.secrets.delete(account);
      const blob = entry ? safe(() => blobNameOf(entry)) : undefined;
      if (blob) deps.blobs.remove(blob);
    }
    if (orphan.kind !== 'secret-without-metadata') {
      deps.document().update((d) => ({ ...d, credentials: d.credentials.filter((c) => c.id !== orphan.id) }));
    }
  }

  return {
    // Exclusive: a create between its blob and its keychain write must not look like a stray blob.
    orphans: () => deps.exclusive(scan),
    repair: (requested: Array<Pick<Orphan, 'kind' | 'id'>>) =>
      deps.exclusive(async (): Promise<RepairReport> => {
        const found = await scan();
        const vid = deps.document().read().vaultId;
        const repaired: Orphan[] = [];
        for (const want of requested) {
          // Only what a fresh scan still reports: a stale request must not delete a healthy credential.
          const orphan = found.find((o) => o.kind === want.kind && o.id === want.id);
          if (!orphan) continue;
          await fix(orphan, vid);
          repaired.push(orphan);
          deps.log.info('vault', 'orphan repaired', { kind: orphan.kind, id: orphan.id });
        }
        return { repaired, remaining: await scan() };
      }),
  };
}

function safe<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined;
  }
}
