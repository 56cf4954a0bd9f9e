/**
 * Builds `services.probes` from the composition root's inputs (one entry there).
 */
import type { Landscape } from '../../../shared/landscape';
import type { Logger, Redactor } from '../logger';
import type { StoreBackendFactory } from '../store/store-backend';
import { createProbeEngine } from './engine';
import { createProbeHistory } from './probe-history';
import type { VaultReader } from './probe-material';
import { createProbeService, type ProbeService, type ProbeServiceDeps } from './probe-service';

export interface ProbeCompositionInput {
  dataDir: string;
  storeBackend: StoreBackendFactory;
  log: Logger;
  redactor: Redactor;
  now: () => Date;
  vault: VaultReader;
  landscapes: { get(ref: string): Landscape };
  /** The environment's proxy settings (HTTPS_PROXY, NO_PROXY). */
  env: Record<string, string | undefined>;
  /** How this laptop reaches peers (services.routes). */
  routes?: ProbeServiceDeps['routes'];
  /** Planners for protocols other than HTTPS (the SFTP and SMTP probes). */
  planners?: ProbeServiceDeps['planners'];
}

export function composeProbes(input: ProbeCompositionInput): ProbeService {
  return createProbeService({
    engine: createProbeEngine({ redactor: input.redactor, log: input.log, now: input.now }),
    history: createProbeHistory({ backend: input.storeBackend, dataDir: input.dataDir, log: input.log, now: input.now }),
    landscapes: input.landscapes,
    vault: input.vault,
    env: input.env,
    now: input.now,
    ...(input.routes ? { routes: input.routes } : {}),
    ...(input.planners ? { planners: input.planners } : {}),
  });
}
