/**
 * services.material: the offline security material — keys, CSRs, pairing, imports, exports, the
 * local test CA, certificate lint, SSH keys and the landscape's known_hosts. One factory over the
 * vault and the landscapes; each part lives in its own module.
 */
import { createCaService } from './ca-service';
import { createExportService } from './export-service';
import { createImportService } from './import-service';
import { createKeyService } from './key-service';
import { createKnownHostsService } from './known-hosts-service';
import { createLintService } from './lint-service';
import { createSshService } from './ssh-service';
import type { LandscapesPort, VaultPort } from './vault-port';

export interface MaterialDeps {
  vault: VaultPort;
  landscapes: LandscapesPort;
  dataDir: string;
  now: () => Date;
}

export function createMaterialService(deps: MaterialDeps) {
  const keys = createKeyService(deps);
  return {
    ...keys,
    ...createImportService({ keys }),
    ...createExportService(deps),
    ...createCaService(deps),
    ...createLintService(deps),
    ...createSshService(deps),
    ...createKnownHostsService(deps),
  };
}

export type MaterialService = ReturnType<typeof createMaterialService>;
