/**
 * What the diagram needs from main, in one interface. The implementation over `api` lives in
 * api-landscape-client.ts; every mutation answers with the whole saved landscape, so the diagram
 * redraws from what main stored (and a reload shows the same).
 */
import type { Result } from '../../../shared/result';
import type { Landscape } from '../../../shared/landscape';
import type { NewPathway, NewSystem, PathwayPatch } from '../../../shared/landscape/patch-schemas';

export interface CredentialOption {
  id: string;
  label: string;
  kind: string;
}

export interface LandscapeClient {
  get(landscapeId: string): Promise<Result<Landscape>>;
  addSystem(landscapeId: string, system: NewSystem): Promise<Result<Landscape>>;
  removeSystem(landscapeId: string, systemId: string): Promise<Result<Landscape>>;
  addPathway(landscapeId: string, pathway: NewPathway): Promise<Result<Landscape>>;
  updatePathway(landscapeId: string, pathwayId: string, patch: PathwayPatch): Promise<Result<Landscape>>;
  removePathway(landscapeId: string, pathwayId: string): Promise<Result<Landscape>>;
  tickStep(landscapeId: string, pathwayId: string, stepId: string, done: boolean): Promise<Result<Landscape>>;
  /** The vault's credentials (metadata only), or null when the vault offers no list. */
  listCredentials(): Promise<CredentialOption[] | null>;
}
