/**
 * The composition root: builds every main-process service from injected dependencies. The Electron
 * shell, the CLI and the tests all call this, so they run the same services; only the inputs differ.
 */
import { createAppInfoService } from './services/app-info';
import { createSecretStore, type SecretStore } from './services/vault/secret-store';
import type { BackendLoader } from './services/vault/secret-backend';
import type { Logger, Redactor } from './services/logger';
import type { StoreBackendFactory } from './services/store/store-backend';
import { APP_NAME, APP_VERSION } from './app-meta';
import { composeVault, type VaultServices } from './services/vault/compose-vault';
import type { ClipboardEffect } from './services/vault/secret-clipboard';
import { createUserPaths, noDialogs, type FileDialogs, type UserPaths } from './services/user-paths';
import { createLandscapesService, type LandscapesService } from './services/landscapes/landscapes-service';
import { composeProbes } from './services/probes/compose-probes';
import type { ProbeService } from './services/probes/probe-service';
import { createMaterialService, type MaterialService } from './services/material/material-service';
import { createHostKeyService, type HostKeyService } from './services/probes/sftp/host-key-service';
import { createSftpPlanner } from './services/probes/sftp/sftp-plan';
import { planSmtpProbe } from './services/probes/smtp/smtp-plan';
import { createEvidenceService, type EvidenceService } from './services/evidence/evidence-service';
import type { PdfPrinter } from './services/evidence/pdf-printer';
import { composeBundles } from './services/bundle/compose-bundles';
import type { BundleService } from './services/bundle/bundle-service';
import { createPgpService, type PgpService } from './services/pgp/pgp-service';

export interface CompositionInput {
  dataDir: string;
  platform: string;
  loadSecretBackend: BackendLoader;
  log: Logger;
  /** Masks registered secrets in logs and transcripts. */
  redactor: Redactor;
  /** electron-store in the app, conf in the CLI and tests. */
  storeBackend: StoreBackendFactory;
  /** The effect behind "open in browser"; the shell passes shell.openExternal. */
  openExternal?: (url: string) => Promise<void>;
  /** The system clipboard for copying secrets; the shell passes Electron's, tests a recorder, the CLI none. */
  clipboard?: ClipboardEffect;
  /** Native file dialogs; the shell passes Electron's, tests pass scripted ones, the CLI none. */
  dialogs?: FileDialogs;
  /** The process environment (HTTPS_PROXY, NO_PROXY for probes), read once by the caller. */
  env: Record<string, string | undefined>;
  now?: () => Date;
  /** Prints the evidence report to PDF: Electron's printToPDF in the app, Chromium in the CLI and tests. */
  printPdf?: PdfPrinter;
}

export interface Services extends VaultServices {
  dataDir: string;
  log: Logger;
  redactor: Redactor;
  storeBackend: StoreBackendFactory;
  now: () => Date;
  secrets: SecretStore;
  appInfo: ReturnType<typeof createAppInfoService>;
  openExternal: (url: string) => Promise<void>;
  /** Paths the user chose in a dialog; IPC export/import handlers accept only these. */
  userPaths: UserPaths;
  landscapes: LandscapesService;
  material: MaterialService;
  probes: ProbeService;
  /** SFTP host keys: scan, and pin only after an out-of-band confirmation. */
  hostKeys: HostKeyService;
  /** Evidence report, expiry radar and handover pack. */
  evidence: EvidenceService;
  /** Encrypted bundles of landscapes and their secrets, for another laptop. */
  bundles: BundleService;
  /** PGP keys for message-level security: keyrings for CI, lint, sign / decrypt checks. */
  pgp: PgpService;
}

export function createServices(input: CompositionInput): Services {
  const now = input.now ?? (() => new Date());
  const secrets = createSecretStore({ load: input.loadSecretBackend, platform: input.platform });
  const base = {
    dataDir: input.dataDir,
    log: input.log,
    redactor: input.redactor,
    storeBackend: input.storeBackend,
    now,
    secrets,
    appInfo: createAppInfoService({
      name: APP_NAME,
      version: APP_VERSION,
      platform: input.platform,
      dataDir: input.dataDir,
      secrets,
      openDocuments: async () => {
        base.landscapes.problems();
        await base.vault.list();
      },
    }),
    openExternal: input.openExternal ?? (async () => {}),
    ...composeVault({ dataDir: input.dataDir, secrets, storeBackend: input.storeBackend, redactor: input.redactor, log: input.log, now, clipboard: input.clipboard }),
    userPaths: createUserPaths(input.dialogs ?? noDialogs),
    landscapes: createLandscapesService({ dataDir: input.dataDir, backend: input.storeBackend, log: input.log, now }),
  };
  const hostKeys = createHostKeyService({ landscapes: base.landscapes, now });
  const probes = composeProbes({ ...input, now, vault: base.vault, landscapes: base.landscapes, env: input.env, planners: { sftp: createSftpPlanner(hostKeys), smtp: planSmtpProbe } });
  return {
    ...base,
    hostKeys,
    pgp: createPgpService({ vault: base.vault, dataDir: input.dataDir, storeBackend: input.storeBackend, log: input.log, now }),
    material: createMaterialService({ vault: base.vault, landscapes: base.landscapes, dataDir: input.dataDir, now }),
    probes,
    evidence: createEvidenceService({ landscapes: base.landscapes, vault: base.vault, history: (id, n) => probes.history(id, n), dataDir: input.dataDir, now, app: { name: APP_NAME, version: APP_VERSION }, ...(input.printPdf ? { printPdf: input.printPdf } : {}) }),
    bundles: composeBundles({ ...base, clipboard: input.clipboard }),
  };
}
