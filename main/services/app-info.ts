import { readdirSync } from 'node:fs';
import type { AppInfo, KeptAsideFile } from '../../shared/ipc/app-channels';
import type { SecretStore } from './vault/secret-store';

export interface AppInfoDeps {
  name: string;
  version: string;
  platform: string;
  dataDir: string;
  secrets: SecretStore;
  /** Opens the data documents, so that a damaged one is found (and kept aside) before we report. */
  openDocuments: () => Promise<void>;
}

const KEPT_ASIDE = /^(.+)\.corrupt-(.+)\.json$/;

/**
 * Files the document store set aside are the report: they stay in the data directory until the
 * user deals with them, so the app says so on every start instead of only once.
 */
export function listKeptAside(dataDir: string): KeptAsideFile[] {
  let names: string[];
  try {
    names = readdirSync(dataDir);
  } catch {
    return [];
  }
  return names
    .map((keptAs) => ({ keptAs, match: KEPT_ASIDE.exec(keptAs) }))
    .filter((x): x is { keptAs: string; match: RegExpExecArray } => x.match !== null)
    .map(({ keptAs, match }) => ({ document: `${match[1]}.json`, keptAs }))
    .sort((a, b) => a.keptAs.localeCompare(b.keptAs));
}

export function createAppInfoService(deps: AppInfoDeps) {
  return {
    async info(): Promise<AppInfo> {
      // The keychain answers over D-Bus while the documents load: both at once.
      const [keychain] = await Promise.all([deps.secrets.status(), deps.openDocuments().catch(() => {})]);
      return {
        name: deps.name,
        version: deps.version,
        platform: deps.platform,
        dataDir: deps.dataDir,
        keychain,
        keptAside: listKeptAside(deps.dataDir),
      };
    },
  };
}
