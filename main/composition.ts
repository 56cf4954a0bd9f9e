/**
 * The composition root: builds every main-process service from injected dependencies. The Electron
 * shell, the CLI and the tests all call this, so they run the same services; only the inputs differ.
 *
 * Services are lazy. A service's module (and the npm packages it pulls in: forge, x509, ssh2, zod…)
 * is loaded by dynamic import only when someone asks for it (`services.load(...)`), and the service
 * is built on first use. So `landscape --help` loads no service, `landscape info` only the stores,
 * and the Electron window shows before probes and crypto load. Only type imports of services here.
 * Adding a service = one field in `Services` + one `lazy(...)` entry in LAZY (see ARCHITECTURE.md).
 */
import { createAppInfoService } from './services/app-info';
import { createSecretStore, KEYCHAIN_SERVICE, type SecretStore } from './services/vault/secret-store';
import { createKeychainLock } from './services/vault/keychain-lock';
import type { BackendLoader } from './services/vault/secret-backend';
import type { Logger, Redactor } from './services/logger';
import type { StoreBackendFactory } from './services/store/store-backend';
import { APP_NAME, APP_VERSION } from './app-meta';
import type { VaultServices } from './services/vault/compose-vault';
import type { ClipboardEffect } from './services/vault/secret-clipboard';
import { createUserPaths, noDialogs, type FileDialogs, type UserPaths } from './services/user-paths';
import type { LandscapesService } from './services/landscapes/landscapes-service';
import type { ProbeService } from './services/probes/probe-service';
import type { MaterialService } from './services/material/material-service';
import type { HostKeyService } from './services/probes/sftp/host-key-service';
import type { EvidenceService } from './services/evidence/evidence-service';
import type { PdfPrinter } from './services/evidence/pdf-printer';
import type { BundleService } from './services/bundle/bundle-service';
import type { PgpService } from './services/pgp/pgp-service';
import type { RouteResolver } from './services/network/route-resolver';
import type { IflowImportService } from './services/iflow/iflow-import-service';
import type { TrustService } from './services/trust/trust-service';
import { lazyRegistry, lazy, type LazyEntry, type LazyRegistry } from './lazy-services';

export interface CompositionInput {
  dataDir: string;
  platform: string;
  loadSecretBackend: BackendLoader;
  log: Logger;
  /** Masks registered secrets in logs and transcripts. */
  redactor: Redactor;
  /** The atomic JSON file backend (store/file-backend.ts) everywhere. */
  storeBackend: StoreBackendFactory;
  /** The effect behind "open in browser"; the shell passes shell.openExternal. */
  openExternal?: (url: string) => Promise<void>;
  /** The system clipboard for copying secrets; the shell passes Electron's, tests a recorder, the CLI none. */
  clipboard?: ClipboardEffect;
  /** Native file dialogs; the shell passes Electron's, tests pass scripted ones, the CLI none. */
  dialogs?: FileDialogs;
  /** The process environment (HTTPS_PROXY, NO_PROXY for probes), read once by the caller. */
  env: Record<string, string | undefined>;
  /** The OS's proxy decision for a URL (PAC syntax); the shell passes Electron's session.resolveProxy. */
  systemProxy?: (url: string) => Promise<string>;
  now?: () => Date;
  /** Prints the evidence report to PDF: Electron's printToPDF in the app, Chromium in the CLI and tests. */
  printPdf?: PdfPrinter;
}

/** Built at once (cheap, no heavy imports). */
export interface BaseServices {
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
}

/** Built on first use, after `load()` brought their modules in. */
export interface LazyServices extends VaultServices {
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
  /** How this laptop reaches peers: system settings, environment, PAC file, manual proxy, direct. */
  routes: RouteResolver;
  /** Integration flows (iFlow and package exports) into a landscape. */
  iflows: IflowImportService;
  /** The landscape's CA certificates and the modelled CI keystore, edited (the Trust screen). */
  trust: TrustService;
}

export type ServiceName = keyof LazyServices;

export interface Services extends BaseServices, LazyServices {
  /** Loads the modules of these services (and what they need); none named = every service. */
  load(...names: ServiceName[]): Promise<void>;
}

/**
 * One entry per service (or group built together): what it provides, the services its builder
 * reads, its module(s) by dynamic import, and how to build it from the module, the services and
 * the input. `test/unit/composition-lazy.test.ts` proves each entry builds with only its `needs`.
 */
export const LAZY_SERVICES: LazyEntry<Services, CompositionInput, ServiceName>[] = [
  lazy(['landscapes'], [], () => import('./services/landscapes/landscapes-service'), (m, s) => ({
    landscapes: m.createLandscapesService({ dataDir: s.dataDir, backend: s.storeBackend, log: s.log, now: s.now }),
  })),
  lazy(['vault', 'credentialTools'], [], () => import('./services/vault/compose-vault'), (m, s, i) =>
    m.composeVault({ dataDir: s.dataDir, secrets: s.secrets, storeBackend: s.storeBackend, redactor: s.redactor, log: s.log, now: s.now, clipboard: i.clipboard }),
  ),
  lazy(['hostKeys'], ['landscapes'], () => import('./services/probes/sftp/host-key-service'), (m, s) => ({
    hostKeys: m.createHostKeyService({ landscapes: s.landscapes, now: s.now }),
  })),
  lazy(['material'], ['vault', 'landscapes'], () => import('./services/material/material-service'), (m, s) => ({
    material: m.createMaterialService({ vault: s.vault, landscapes: s.landscapes, dataDir: s.dataDir, now: s.now }),
  })),
  lazy(['routes'], ['vault'], () => import('./services/network/compose-routes'), (m, s, i) => ({
    routes: m.composeRoutes({ env: i.env, systemProxy: i.systemProxy, vault: s.vault }),
  })),
  lazy(
    ['probes'],
    ['vault', 'landscapes', 'hostKeys', 'routes'],
    () => Promise.all([import('./services/probes/compose-probes'), import('./services/probes/sftp/sftp-plan'), import('./services/probes/smtp/smtp-plan'), import('./services/probes/more-planners')]),
    ([probes, sftp, smtp, more], s, i) => ({
      probes: probes.composeProbes({ ...i, now: s.now, vault: s.vault, landscapes: s.landscapes, env: i.env, routes: s.routes, planners: { sftp: sftp.createSftpPlanner(s.hostKeys), smtp: smtp.planSmtpProbe, ...more.MORE_PLANNERS } }),
    }),
  ),
  lazy(['evidence'], ['landscapes', 'vault', 'probes', 'pgp'], () => import('./services/evidence/evidence-service'), (m, s, i) => ({
    evidence: m.createEvidenceService({ landscapes: s.landscapes, vault: s.vault, history: (id, n) => s.probes.history(id, n), dataDir: s.dataDir, now: s.now, app: { name: APP_NAME, version: APP_VERSION }, ...(i.printPdf ? { printPdf: i.printPdf } : {}), expirySources: [s.pgp.expirySource], pgp: s.pgp }),
  })),
  lazy(['bundles'], ['landscapes', 'vault', 'pgp'], () => import('./services/bundle/compose-bundles'), (m, s, i) => ({
    bundles: m.composeBundles({ dataDir: s.dataDir, storeBackend: s.storeBackend, secrets: s.secrets, vault: s.vault, landscapes: s.landscapes, redactor: s.redactor, log: s.log, now: s.now, clipboard: i.clipboard, pgp: s.pgp }),
  })),
  lazy(['pgp'], ['vault', 'landscapes'], () => import('./services/pgp/pgp-service'), (m, s) => ({
    pgp: m.createPgpService({ vault: s.vault, landscapes: s.landscapes, dataDir: s.dataDir, storeBackend: s.storeBackend, log: s.log, now: s.now }),
  })),
  lazy(['iflows'], ['landscapes', 'vault'], () => import('./services/iflow/iflow-import-service'), (m, s) => ({
    iflows: m.createIflowImportService({ landscapes: s.landscapes, vault: s.vault, now: s.now }),
  })),
  lazy(['trust'], ['landscapes', 'vault'], () => import('./services/trust/trust-service'), (m, s) => ({
    trust: m.createTrustService({ landscapes: s.landscapes, vault: s.vault }),
  })),
];

const registry = lazyRegistry(LAZY_SERVICES);

/** Loads every service module (tests and the app, once their first screen is up). */
export const loadAllServiceModules = (): Promise<void> => registry.loadModules();

/** `modules` is for tests that need a registry with nothing loaded yet. */
export function createServices(input: CompositionInput, modules: LazyRegistry<Services, CompositionInput, ServiceName> = registry): Services {
  const now = input.now ?? (() => new Date());
  const secrets = createSecretStore({ load: input.loadSecretBackend, platform: input.platform, lock: createKeychainLock(KEYCHAIN_SERVICE) });
  const base: BaseServices = {
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
        await services.load('landscapes', 'vault');
        services.landscapes.problems();
        await services.vault.list();
      },
    }),
    openExternal: input.openExternal ?? (async () => {}),
    userPaths: createUserPaths(input.dialogs ?? noDialogs),
  };
  const services: Services = modules.attach(base, input);
  return services;
}
