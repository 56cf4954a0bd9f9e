/**
 * Builds the bundle service from the composition root's inputs (one line there). Nothing is
 * opened or loaded until first use: the identity document, the keychain and age-encryption.
 */
import type { Logger, Redactor } from '../logger';
import type { LandscapesService } from '../landscapes/landscapes-service';
import type { StoreBackendFactory } from '../store/store-backend';
import { createSecretClipboard, type ClipboardEffect } from '../vault/secret-clipboard';
import type { SecretStore } from '../vault/secret-store';
import type { Vault } from '../vault/vault';
import { createBundleIdentity } from './bundle-identity';
import { createBundleService, type BundleService } from './bundle-service';
import type { BundlePgpPort } from './bundle-pgp';

export interface BundleCompositionInput {
  dataDir: string;
  storeBackend: StoreBackendFactory;
  secrets: SecretStore;
  vault: Vault;
  landscapes: LandscapesService;
  redactor: Redactor;
  log: Logger;
  now: () => Date;
  clipboard?: ClipboardEffect;
  pgp?: BundlePgpPort;
}

export function composeBundles(input: BundleCompositionInput): BundleService {
  const identity = createBundleIdentity({ dataDir: input.dataDir, backend: input.storeBackend, secrets: input.secrets, log: input.log, now: input.now });
  return createBundleService({ ...input, identity, clipboard: createSecretClipboard(input.clipboard) });
}
