/**
 * The parts of other services the material service uses, injected so it can be built over the real
 * vault and landscapes without knowing how they are constructed.
 */
import type { Vault } from '../vault/vault';
import type { LandscapesService } from '../landscapes/landscapes-service';

export type VaultPort = Pick<Vault, 'list' | 'get' | 'create' | 'update' | 'remove' | 'readSecret' | 'findByLabel'>;
export type LandscapesPort = Pick<LandscapesService, 'get' | 'update'>;
