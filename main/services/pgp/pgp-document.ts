/**
 * pgp-keys.json: every stored PGP key's PUBLIC half (armored) under its label, and for own keys the
 * vault credential that holds the private key and passphrase. Listing keys therefore needs no
 * keychain access; a private key can never get in (the schema refuses a private key block).
 */
import * as z from 'zod';
import { createDocumentStore, type DocumentStore } from '../store/document-store';
import type { StoreBackendFactory } from '../store/store-backend';
import type { Logger } from '../logger';

export const pgpEntrySchema = z.strictObject({
  label: z.string().min(1).max(200),
  fingerprint: z.string().regex(/^[0-9a-f]{40}$|^[0-9a-f]{64}$/),
  publicKey: z
    .string()
    .min(1)
    .max(1_000_000)
    .refine((t) => t.startsWith('-----BEGIN PGP PUBLIC KEY BLOCK-----'), 'only an armored public key is stored here'),
  credentialId: z.string().regex(/^cred-[a-z0-9]{8,40}$/).optional(),
  addedAt: z.string().min(1).max(40),
});
export type PgpEntry = z.infer<typeof pgpEntrySchema>;

export const pgpDocumentSchema = z.strictObject({ version: z.literal(1), keys: z.array(pgpEntrySchema).max(5000) });
export type PgpDocument = z.infer<typeof pgpDocumentSchema>;

export function createPgpDocument(deps: { backend: StoreBackendFactory; dataDir: string; log: Logger; now: () => Date }): DocumentStore<PgpDocument> {
  return createDocumentStore<PgpDocument>({
    backend: deps.backend,
    cwd: deps.dataDir,
    name: 'pgp-keys',
    migrate: (raw) => {
      if (raw.version === 1) return raw;
      throw new Error(`unknown pgp-keys document version ${String(raw.version)}`);
    },
    validate: (doc) => {
      const parsed = pgpDocumentSchema.safeParse(doc);
      if (parsed.success) return { ok: true, value: parsed.data };
      const issue = parsed.error.issues[0];
      return { ok: false, reason: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid' };
    },
    empty: () => ({ version: 1, keys: [] }),
    log: deps.log,
    now: deps.now,
  });
}
