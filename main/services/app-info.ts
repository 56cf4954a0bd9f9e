import type { AppInfo } from '../../shared/ipc/app-channels';
import type { SecretStore } from './vault/secret-store';

export interface AppInfoDeps {
  name: string;
  version: string;
  platform: string;
  dataDir: string;
  secrets: SecretStore;
}

export function createAppInfoService(deps: AppInfoDeps) {
  return {
    async info(): Promise<AppInfo> {
      return {
        name: deps.name,
        version: deps.version,
        platform: deps.platform,
        dataDir: deps.dataDir,
        keychain: await deps.secrets.status(),
      };
    },
  };
}
