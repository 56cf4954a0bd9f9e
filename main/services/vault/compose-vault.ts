/**
 * Builds the vault and its companions from the composition root's inputs (one spread there).
 */
import { join } from 'node:path';
import type { Logger, Redactor } from '../logger';
import type { DocumentStore } from '../store/document-store';
import type { StoreBackendFactory } from '../store/store-backend';
import type { CredentialsDocument } from '../../../shared/vault/credential-schema';
import { createBlobFiles } from './blob-files';
import { createCredentialDocument } from './credential-document';
import { createVault, type Vault } from './vault';
import type { SecretStore } from './secret-store';
import { createCredentialTools, type CredentialTools } from './credential-tools';
import { createSecretClipboard, type ClipboardEffect } from './secret-clipboard';
import { withFileLock } from '../store/file-lock';
import { createVaultIntents } from './vault-intents';

export interface VaultCompositionInput {
  dataDir: string;
  secrets: SecretStore;
  storeBackend: StoreBackendFactory;
  redactor: Redactor;
  log: Logger;
  now: () => Date;
  /** The system clipboard (Electron's in the app, a recorder in tests, none in the CLI). */
  clipboard?: ClipboardEffect;
}

export interface VaultServices {
  vault: Vault;
  credentialTools: CredentialTools;
}

export function composeVault(input: VaultCompositionInput): VaultServices {
  let document: DocumentStore<CredentialsDocument> | undefined;
  const vault = createVault({
    secrets: input.secrets,
    document: () =>
      (document ??= createCredentialDocument({ backend: input.storeBackend, dataDir: input.dataDir, log: input.log, now: input.now })),
    blobs: createBlobFiles(join(input.dataDir, 'vault')),
    lock: (fn) => withFileLock(join(input.dataDir, 'vault'), fn, { what: 'The credential vault' }),
    intents: createVaultIntents(join(input.dataDir, 'vault')),
    redactor: input.redactor,
    log: input.log,
    now: input.now,
  });
  const clipboard = createSecretClipboard(input.clipboard);
  return { vault, credentialTools: createCredentialTools({ vault, clipboard, redactor: input.redactor, now: input.now }) };
}
