/**
 * The metadata half of the vault: credentials.json in the data directory, public data only
 * (the zod schema is strict, so nothing unknown — and no secret under a new name — gets in).
 */
import { credentialsDocumentSchema, type CredentialsDocument } from '../../../shared/vault/credential-schema';
import { createDocumentStore, type DocumentStore } from '../store/document-store';
import type { StoreBackendFactory } from '../store/store-backend';
import type { Logger } from '../logger';

export const CREDENTIALS_DOCUMENT = 'credentials';

export interface CredentialDocumentDeps {
  backend: StoreBackendFactory;
  dataDir: string;
  log: Logger;
  now: () => Date;
}

export function createCredentialDocument(deps: CredentialDocumentDeps): DocumentStore<CredentialsDocument> {
  return createDocumentStore<CredentialsDocument>({
    backend: deps.backend,
    cwd: deps.dataDir,
    name: CREDENTIALS_DOCUMENT,
    migrate: (raw) => {
      if (raw.version === 1) return raw;
      throw new Error(`unknown credentials document version ${String(raw.version)}`);
    },
    validate: (doc) => {
      const parsed = credentialsDocumentSchema.safeParse(doc);
      if (parsed.success) return { ok: true, value: parsed.data };
      const issue = parsed.error.issues[0];
      return { ok: false, reason: issue ? `${issue.path.join('.')}: ${issue.message}` : 'invalid' };
    },
    empty: () => ({ version: 1, credentials: [] }),
    log: deps.log,
    now: deps.now,
  });
}
