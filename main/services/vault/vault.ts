/**
 * The credential vault: metadata (public) in credentials.json, the secret in the OS keychain.
 * Every change writes both halves or neither: the keychain is written first, the metadata second,
 * and a failure of the second undoes the first (rollback). Mutations run one at a time.
 * Every secret value that passes through is registered with the redactor, so logs and probe
 * transcripts mask it.
 */
import { randomBytes } from 'node:crypto';
import { AppError } from '../../../shared/result';
import { type CredentialKind, type CredentialMeta, type SecretPayload, CREDENTIAL_KINDS } from '../../../shared/vault/credential-kinds';
import { credentialMetaPatchSchema } from '../../../shared/vault/credential-schema';
import { checkSecretPayload, leaksSecret } from '../../../shared/vault/secret-payload';
import type { Logger, Redactor } from '../logger';
import type { DocumentStore } from '../store/document-store';
import type { CredentialsDocument } from '../../../shared/vault/credential-schema';
import type { BlobFiles } from './blob-files';
import { blobNameOf, decodeSecret, encodeSecret, INLINE_LIMIT_BYTES } from './secret-envelope';
import type { SecretStore } from './secret-store';
import { createOrphanTools, type Orphan, type RepairReport } from './vault-orphans';
import { createBatchTools, type BatchItem, type BatchReceipt } from './vault-batch';
import type { VaultIntents } from './vault-intents';
import { recoverInterrupted } from './vault-recovery';

export type { CredentialKind, CredentialMeta, SecretPayload };
export type { Orphan, RepairReport };

export interface CreateCredentialInput {
  kind: CredentialKind;
  label: string;
  meta?: Partial<CredentialMeta>;
  secret: SecretPayload;
}

export interface UpdateCredentialInput {
  /** Only 'key-pair' → 'client-certificate' (the key got its signed certificate); the id stays. */
  kind?: CredentialKind;
  label?: string;
  meta?: Partial<CredentialMeta>;
  secret?: SecretPayload;
}

export interface Vault {
  list(): Promise<CredentialMeta[]>;
  get(id: string): Promise<CredentialMeta>;
  create(input: CreateCredentialInput): Promise<CredentialMeta>;
  update(id: string, input: UpdateCredentialInput): Promise<CredentialMeta>;
  remove(id: string): Promise<void>;
  /** MAIN-PROCESS ONLY (probes, exports, the explicit reveal/copy acts); never sent over IPC as such. */
  readSecret(id: string): Promise<SecretPayload>;
  findByLabel(label: string): Promise<CredentialMeta | undefined>;
  /** Keychain entries without metadata, metadata without a (readable) secret, stray blobs. */
  orphans(): Promise<Orphan[]>;
  /** Repairs the given orphans (only those a fresh scan still finds) and reports what is left. */
  repair(orphans: Array<Pick<Orphan, 'kind' | 'id'>>): Promise<RepairReport>;
  /** Many creates/replaces as one change (bundle import); see vault-batch.ts. */
  importBatch(items: BatchItem[]): Promise<BatchReceipt>;
}

export interface VaultDeps {
  secrets: SecretStore;
  /** Lazy: the document is opened on first use, so building the services touches no file. */
  document: () => DocumentStore<CredentialsDocument>;
  blobs: BlobFiles;
  redactor: Redactor;
  log: Logger;
  now: () => Date;
  inlineLimitBytes?: number;
  /** The cross-process vault lock (the app and the CLI share the keychain and credentials.json). */
  lock: <T>(fn: () => Promise<T>) => Promise<T>;
  /** Write-ahead notes that let the next writer finish a killed one's change. */
  intents: VaultIntents;
}

const randomId = (bytes: number) => randomBytes(bytes).toString('hex');
const PUBLIC_ONLY = ['id', 'kind', 'createdAt', 'updatedAt'] as const;

export function createVault(deps: VaultDeps): Vault {
  let queue: Promise<unknown> = Promise.resolve();
  /**
   * One mutation at a time, in this process (the queue) and across processes (the lock): a
   * rollback must never undo another call's write, and an orphan scan never sees a half-done one.
   */
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const locked = () =>
      deps.lock(async () => {
        await recoverInterrupted(deps);
        return fn();
      });
    const run = queue.then(locked, locked);
    queue = run.catch(() => undefined);
    return run;
  }

  const doc = () => deps.document().read();
  const vaultId = () => doc().vaultId;
  const accountOf = (id: string, vid: string) => `${vid}:${id}`;

  function ensureVaultId(): string {
    const existing = vaultId();
    if (existing) return existing;
    // Under the document's lock: keep an id another process set meanwhile.
    return deps.document().update((d) => (d.vaultId ? d : { ...d, vaultId: randomId(8) })).vaultId as string;
  }

  function guard(payload: SecretPayload): void {
    for (const value of Object.values(payload)) {
      deps.redactor.add(value);
      // A PEM may be logged in pieces: mask its longer lines as well.
      if (value.includes('\n')) for (const line of value.split(/\r?\n/)) if (line.length >= 16) deps.redactor.add(line);
    }
  }

  function find(id: string): CredentialMeta {
    const meta = doc().credentials.find((c) => c.id === id);
    if (!meta) throw new AppError('NOT_FOUND', `No credential with id "${id}".`, 'id');
    return meta;
  }

  function checkLabel(label: string, exceptId?: string): string {
    const trimmed = label.trim();
    if (!trimmed) throw new AppError('INVALID_INPUT', 'A credential needs a label.', 'label');
    if (trimmed.length > 200) throw new AppError('INVALID_INPUT', 'The label is longer than 200 characters.', 'label');
    if (doc().credentials.some((c) => c.label === trimmed && c.id !== exceptId)) {
      throw new AppError('LABEL_TAKEN', `A credential labelled "${trimmed}" already exists.`, 'label');
    }
    return trimmed;
  }

  function checkMeta(meta: Partial<CredentialMeta> | undefined, secret: SecretPayload | undefined): Partial<CredentialMeta> {
    const rest: Record<string, unknown> = { ...(meta ?? {}) };
    for (const key of PUBLIC_ONLY) delete rest[key];
    delete rest.label;
    const parsed = credentialMetaPatchSchema.safeParse(rest);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const field = issue ? ['meta', ...issue.path.map(String)].join('.') : 'meta';
      throw new AppError('INVALID_INPUT', `${field}: ${issue?.message ?? 'invalid'}`, field);
    }
    if (secret && leaksSecret(JSON.stringify(parsed.data), secret)) {
      throw new AppError('SECRET_IN_METADATA', 'The public metadata contains a secret value; refused.', 'meta');
    }
    return parsed.data as Partial<CredentialMeta>;
  }

  function checkSecret(kind: CredentialKind, secret: SecretPayload): void {
    const problem = checkSecretPayload(kind, secret);
    if (problem) throw new AppError('INVALID_INPUT', problem.message, problem.field);
  }

  /** Writes the blob (if sealed) and then the keychain entry; undoes the blob if the entry fails. */
  async function writeSecret(id: string, account: string, secret: SecretPayload): Promise<string | undefined> {
    const encoded = encodeSecret(secret, account, `${id}-${randomId(4)}.sealed`, deps.inlineLimitBytes ?? INLINE_LIMIT_BYTES);
    if (encoded.blob) deps.blobs.write(encoded.blob.name, encoded.blob.bytes);
    try {
      await deps.secrets.set(account, encoded.entry);
    } catch (e) {
      if (encoded.blob) deps.blobs.remove(encoded.blob.name);
      throw e;
    }
    return encoded.blob?.name;
  }

  /** Puts the keychain back as it was; a failure here is logged, and the orphan scan will find it. */
  async function restoreEntry(account: string, previous: string | null, newBlob?: string): Promise<void> {
    try {
      if (previous === null) await deps.secrets.delete(account);
      else await deps.secrets.set(account, previous);
    } catch {
      deps.log.error('vault', 'rollback of a keychain entry failed; the orphan scan will report it', { account });
    }
    if (newBlob) deps.blobs.remove(newBlob);
  }

  function metadataFailure(e: unknown): AppError {
    if (e instanceof AppError) return e;
    deps.log.error('vault', 'metadata write failed', { error: e instanceof Error ? e.name : typeof e });
    return new AppError('METADATA_WRITE_FAILED', 'The credential metadata could not be saved; nothing was changed.');
  }

  const removeBlobOf = (entry: string | null) => {
    const name = entry ? safeBlobName(entry) : undefined;
    if (name) deps.blobs.remove(name);
  };

  const vault: Vault = {
    list: async () => doc().credentials.map((c) => ({ ...c })),
    get: async (id) => ({ ...find(id) }),
    findByLabel: async (label) => doc().credentials.find((c) => c.label === label.trim()),

    create: (input) =>
      exclusive(async () => {
        if (!CREDENTIAL_KINDS.includes(input.kind)) throw new AppError('INVALID_INPUT', `Unknown credential kind "${String(input.kind)}".`, 'kind');
        const label = checkLabel(input.label);
        checkSecret(input.kind, input.secret);
        guard(input.secret);
        if (leaksSecret(label, input.secret)) throw new AppError('SECRET_IN_METADATA', 'The label contains the secret; refused.', 'label');
        const meta = checkMeta(input.meta, input.secret);
        const vid = ensureVaultId();
        const id = `cred-${randomId(8)}`;
        const account = accountOf(id, vid);
        const at = deps.now().toISOString();
        const record: CredentialMeta = { ...meta, id, kind: input.kind, label, createdAt: at, updatedAt: at };
        await deps.intents.around({ op: 'create', id, account }, async () => {
          const blob = await writeSecret(id, account, input.secret);
          try {
            deps.document().update((d) => ({ ...d, credentials: [...d.credentials, record] }));
          } catch (e) {
            await restoreEntry(account, null, blob);
            throw metadataFailure(e);
          }
        });
        deps.log.info('vault', 'credential created', { id, kind: input.kind });
        return { ...record };
      }),

    update: (id, input) =>
      exclusive(async () => {
        const current = find(id);
        const kind = checkKindChange(current.kind, input.kind);
        const label = input.label === undefined ? current.label : checkLabel(input.label, id);
        if (input.secret) {
          checkSecret(kind, input.secret);
          guard(input.secret);
          if (leaksSecret(label, input.secret)) throw new AppError('SECRET_IN_METADATA', 'The label contains the secret; refused.', 'label');
        }
        const meta = checkMeta(input.meta, input.secret);
        const account = accountOf(id, ensureVaultId());
        const next: CredentialMeta = { ...current, ...meta, id, kind, label, updatedAt: deps.now().toISOString() };
        await deps.intents.around({ op: 'update', id, account }, async () => {
          let previous: string | null = null;
          let blob: string | undefined;
          if (input.secret) {
            previous = await deps.secrets.get(account);
            blob = await writeSecret(id, account, input.secret);
          }
          try {
            deps.document().update((d) => ({ ...d, credentials: d.credentials.map((c) => (c.id === id ? next : c)) }));
          } catch (e) {
            if (input.secret) await restoreEntry(account, previous, blob);
            throw metadataFailure(e);
          }
          if (input.secret) removeBlobOf(previous);
        });
        return { ...next };
      }),

    remove: (id) =>
      exclusive(async () => {
        find(id);
        const account = accountOf(id, ensureVaultId());
        await deps.intents.around({ op: 'remove', id, account }, async () => {
          const previous = await deps.secrets.get(account);
          if (previous !== null) await deps.secrets.delete(account);
          try {
            deps.document().update((d) => ({ ...d, credentials: d.credentials.filter((c) => c.id !== id) }));
          } catch (e) {
            if (previous !== null) await restoreEntry(account, previous);
            throw metadataFailure(e);
          }
          removeBlobOf(previous);
        });
        deps.log.info('vault', 'credential removed', { id });
      }),

    async readSecret(id) {
      find(id);
      const vid = vaultId();
      const account = vid ? accountOf(id, vid) : '';
      const entry = vid ? await deps.secrets.get(account) : null;
      if (entry === null) {
        throw new AppError('SECRET_MISSING', 'The keychain has no secret for this credential; run the orphan scan to repair it.', 'id');
      }
      const payload = decodeSecret(entry, account, (name) => deps.blobs.read(name));
      guard(payload);
      return payload;
    },

    ...createOrphanTools({
      secrets: deps.secrets,
      blobs: deps.blobs,
      document: deps.document,
      accountOf,
      exclusive,
      log: deps.log,
    }),
    ...createBatchTools({ ...deps, accountOf, exclusive, guard }),
  };
  return vault;
}

const KIND_CHANGES: Partial<Record<CredentialKind, CredentialKind[]>> = { 'key-pair': ['client-certificate'] };

function checkKindChange(from: CredentialKind, to: CredentialKind | undefined): CredentialKind {
  if (to === undefined || to === from) return from;
  if (KIND_CHANGES[from]?.includes(to)) return to;
  throw new AppError('INVALID_INPUT', `A ${from} credential cannot become a ${to} credential.`, 'kind');
}

function safeBlobName(entry: string): string | undefined {
  try {
    return blobNameOf(entry);
  } catch {
    return undefined;
  }
}
