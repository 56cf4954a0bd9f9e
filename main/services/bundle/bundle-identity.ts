/**
 * This installation's age identity: the X25519 key a colleague encrypts bundles to. The private
 * part (AGE-SECRET-KEY-1…) lives only in the OS keychain (account `age-identity:<installationId>`,
 * outside every vault's `<vaultId>:` namespace, so the orphan scan never sees it); the public
 * recipient (age1…) and the installation id are in `bundle-identity.json`. Made on first use.
 * A data directory copied to another machine (whose keychain lacks the key) gets a new identity,
 * and says so: bundles made for the old recipient cannot be opened there.
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { AppError } from '../../../shared/result';
import type { BundleIdentity } from '../../../shared/ipc/bundle-channels';
import type { Logger } from '../logger';
import { createDocumentStore, type DocumentStore } from '../store/document-store';
import type { StoreBackendFactory } from '../store/store-backend';
import type { SecretStore } from '../vault/secret-store';

const documentSchema = z.strictObject({
  version: z.literal(1),
  identity: z.strictObject({ installationId: z.string().regex(/^[a-z0-9]{16}$/), recipient: z.string().regex(/^age1[a-z0-9]{58}$/), createdAt: z.string() }).optional(),
});
type IdentityDocument = z.infer<typeof documentSchema>;

export interface BundleIdentityDeps {
  dataDir: string;
  backend: StoreBackendFactory;
  secrets: SecretStore;
  log: Logger;
  now: () => Date;
}

export interface BundleIdentityService {
  /** The recipient (public), creating the identity on first use. */
  show(): Promise<BundleIdentity>;
  /** The private identity, for decrypting; main-process only. */
  secretKey(): Promise<string>;
}

export const accountOfIdentity = (installationId: string) => `age-identity:${installationId}`;

export function createBundleIdentity(deps: BundleIdentityDeps): BundleIdentityService {
  let store: DocumentStore<IdentityDocument> | undefined;
  const doc = () =>
    (store ??= createDocumentStore<IdentityDocument>({
      backend: deps.backend,
      cwd: deps.dataDir,
      name: 'bundle-identity',
      migrate: (raw) => {
        if (raw.version === 1) return raw;
        throw new Error(`unknown bundle-identity version ${String(raw.version)}`);
      },
      validate: (d) => {
        const r = documentSchema.safeParse(d);
        return r.success ? { ok: true, value: r.data } : { ok: false, reason: r.error.issues[0]?.message ?? 'invalid' };
      },
      empty: () => ({ version: 1 }),
      log: deps.log,
      now: deps.now,
    }));

  let pending: Promise<{ identity: string; shown: BundleIdentity }> | undefined;

  async function create(replaced: boolean): Promise<{ identity: string; shown: BundleIdentity }> {
    const { generateX25519Identity, identityToRecipient } = await import('age-encryption');
    const identity = await generateX25519Identity();
    const recipient = await identityToRecipient(identity);
    const installationId = randomBytes(8).toString('hex');
    const account = accountOfIdentity(installationId);
    await deps.secrets.set(account, identity);
    const createdAt = deps.now().toISOString();
    try {
      doc().update((d) => ({ ...d, identity: { installationId, recipient, createdAt } }));
    } catch {
      await deps.secrets.delete(account).catch(() => false);
      throw new AppError('METADATA_WRITE_FAILED', 'The new age identity could not be saved in the data directory; nothing was kept.');
    }
    deps.log.info('bundle', replaced ? 'age identity replaced (the previous private key was not in the keychain)' : 'age identity created', { recipient });
    return { identity, shown: { recipient, createdAt, ...(replaced ? { replaced: true } : {}) } };
  }

  async function load(): Promise<{ identity: string; shown: BundleIdentity }> {
    const current = doc().read().identity;
    if (!current) return create(false);
    const identity = await deps.secrets.get(accountOfIdentity(current.installationId));
    if (identity === null) return create(true);
    const { identityToRecipient } = await import('age-encryption');
    if ((await identityToRecipient(identity)) !== current.recipient) {
      throw new AppError('IDENTITY_MISMATCH', 'The age key in the keychain does not match this installation\'s recipient; bundles cannot be opened. Delete bundle-identity.json in the data directory to make a new identity.');
    }
    return { identity, shown: { recipient: current.recipient, createdAt: current.createdAt } };
  }

  // Two first calls at once must not make two identities.
  const once = () => (pending ??= load().finally(() => (pending = undefined)));
  return {
    show: async () => (await once()).shown,
    secretKey: async () => (await once()).identity,
  };
}
