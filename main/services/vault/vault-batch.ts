/**
 * Many credentials written as one change (a bundle import): every keychain entry first (blobs
 * before their entries), then ONE metadata write. A keychain failure part-way undoes the entries
 * already written (replaced ones get their previous value back, new ones are deleted) and their
 * blobs, before the metadata was touched; a metadata failure undoes them all. The receipt's
 * `undo` reverts a committed batch when a later step of the import fails; `commit` then removes
 * the blobs the replaced entries no longer point at (kept until then so `undo` can restore them).
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/result';
import { CREDENTIAL_KINDS, type CredentialKind, type CredentialMeta, type SecretPayload } from '../../../shared/vault/credential-kinds';
import type { CredentialsDocument } from '../../../shared/vault/credential-schema';
import { checkSecretPayload } from '../../../shared/vault/secret-payload';
import type { Logger } from '../logger';
import type { DocumentStore } from '../store/document-store';
import type { BlobFiles } from './blob-files';
import { blobNameOf, encodeSecret, INLINE_LIMIT_BYTES } from './secret-envelope';
import type { SecretStore } from './secret-store';

export interface BatchItem {
  /** 'create' with a fresh id (`cred-…`, see newCredentialId), or 'replace' an existing credential in place. */
  op: 'create' | 'replace';
  id: string;
  kind: CredentialKind;
  label: string;
  meta: Partial<CredentialMeta>;
  secret: SecretPayload;
}

export interface BatchReceipt {
  ids: string[];
  undo(): Promise<void>;
  commit(): void;
}

export interface BatchDeps {
  secrets: SecretStore;
  blobs: BlobFiles;
  document: () => DocumentStore<CredentialsDocument>;
  accountOf: (id: string, vaultId: string) => string;
  exclusive: <T>(fn: () => Promise<T>) => Promise<T>;
  guard: (payload: SecretPayload) => void;
  log: Logger;
  now: () => Date;
  inlineLimitBytes?: number;
}

export const newCredentialId = () => `cred-${randomBytes(8).toString('hex')}`;

interface Written {
  account: string;
  previous: string | null;
  blob?: string;
  set: boolean;
}

const safeBlob = (entry: string | null) => {
  try {
    return entry ? blobNameOf(entry) : undefined;
  } catch {
    return undefined;
  }
};

export function createBatchTools(deps: BatchDeps) {
  async function revert(written: Written[]): Promise<void> {
    for (const w of [...written].reverse()) {
      try {
        if (w.set) {
          if (w.previous === null) await deps.secrets.delete(w.account);
          else await deps.secrets.set(w.account, w.previous);
        }
      } catch {
        deps.log.error('vault', 'rollback of a keychain entry failed; the orphan scan will report it', { account: w.account });
      }
      if (w.blob) deps.blobs.remove(w.blob);
    }
  }

  function record(item: BatchItem, current: CredentialMeta | undefined, at: string): CredentialMeta {
    const base = { ...item.meta, id: item.id, kind: item.kind, label: item.label.trim() };
    return current ? { ...base, createdAt: current.createdAt, updatedAt: at } : { ...base, createdAt: at, updatedAt: at };
  }

  return {
    importBatch: (items: BatchItem[]): Promise<BatchReceipt> =>
      deps.exclusive(async () => {
        const before = deps.document().read();
        const known = new Map(before.credentials.map((c) => [c.id, c]));
        for (const item of items) {
          if (!CREDENTIAL_KINDS.includes(item.kind)) throw new AppError('INVALID_INPUT', `Unknown credential kind "${String(item.kind)}".`);
          if ((item.op === 'replace') !== known.has(item.id)) throw new AppError('INVALID_INPUT', `Credential ${item.id} cannot be ${item.op}d.`);
          const problem = checkSecretPayload(item.kind, item.secret);
          if (problem) throw new AppError('INVALID_INPUT', `${item.label}: ${problem.message}`, problem.field);
          deps.guard(item.secret);
        }
        const vaultId = before.vaultId ?? randomBytes(8).toString('hex');
        const written: Written[] = [];
        try {
          for (const item of items) {
            const account = deps.accountOf(item.id, vaultId);
            const previous = item.op === 'replace' ? await deps.secrets.get(account) : null;
            const encoded = encodeSecret(item.secret, account, `${item.id}-${randomBytes(4).toString('hex')}.sealed`, deps.inlineLimitBytes ?? INLINE_LIMIT_BYTES);
            const w: Written = { account, previous, blob: encoded.blob?.name, set: false };
            written.push(w);
            if (encoded.blob) deps.blobs.write(encoded.blob.name, encoded.blob.bytes);
            await deps.secrets.set(account, encoded.entry);
            w.set = true;
          }
        } catch (e) {
          await revert(written);
          throw e;
        }
        const at = deps.now().toISOString();
        const byId = new Map(items.map((i) => [i.id, i]));
        try {
          deps.document().update((d) => ({
            ...d,
            vaultId,
            credentials: [
              ...d.credentials.map((c) => (byId.has(c.id) ? record(byId.get(c.id) as BatchItem, c, at) : c)),
              ...items.filter((i) => i.op === 'create').map((i) => record(i, undefined, at)),
            ],
          }));
        } catch (e) {
          await revert(written);
          if (e instanceof AppError) throw e;
          throw new AppError('METADATA_WRITE_FAILED', 'The credential metadata could not be saved; nothing was changed.');
        }
        deps.log.info('vault', 'credentials imported', { count: items.length });
        return {
          ids: items.map((i) => i.id),
          undo: () =>
            deps.exclusive(async () => {
              await revert(written);
              deps.document().update(() => before);
            }),
          commit() {
            for (const w of written) {
              const old = safeBlob(w.previous);
              if (old) deps.blobs.remove(old);
            }
          },
        };
      }),
  };
}
