/**
 * Finishes what an interrupted vault writer left (see vault-intents.ts). Runs at the start of every
 * vault mutation, inside the cross-process vault lock, so no live writer is mid-change.
 */
import type { Logger } from '../logger';
import type { DocumentStore } from '../store/document-store';
import type { CredentialsDocument } from '../../../shared/vault/credential-schema';
import type { BlobFiles } from './blob-files';
import { blobNameOf } from './secret-envelope';
import type { SecretStore } from './secret-store';
import type { VaultIntents } from './vault-intents';

export interface RecoveryDeps {
  intents: VaultIntents;
  secrets: SecretStore;
  blobs: BlobFiles;
  document: () => DocumentStore<CredentialsDocument>;
  log: Logger;
}

function blobOf(entry: string | null): string | undefined {
  try {
    return entry ? blobNameOf(entry) : undefined;
  } catch {
    return undefined;
  }
}

export async function recoverInterrupted(deps: RecoveryDeps): Promise<void> {
  for (const intent of deps.intents.pending()) {
    const committed = deps.document().read().credentials.some((c) => c.id === intent.id);
    const blobs = deps.blobs.list().filter((n) => n.startsWith(`${intent.id}-`));
    if (intent.op === 'remove' || (intent.op === 'create' && !committed)) {
      // An unconfirmed create is undone; a started remove is finished (the user asked for it).
      await deps.secrets.delete(intent.account);
      if (committed) deps.document().update((d) => ({ ...d, credentials: d.credentials.filter((c) => c.id !== intent.id) }));
      for (const b of blobs) deps.blobs.remove(b);
    } else {
      // The credential stands: only blobs its keychain entry does not name are left-overs.
      const keep = blobOf(await deps.secrets.get(intent.account));
      for (const b of blobs) if (b !== keep) deps.blobs.remove(b);
    }
    deps.intents.clear(intent.id);
    deps.log.warn('vault', 'finished a change an interrupted writer left', { id: intent.id, op: intent.op });
  }
}
