import Conf from 'conf';
import type { StoreBackendFactory } from './store-backend';

/** `conf` with an explicit cwd: no project-name lookup, never `clearInvalidConfig` (user data). */
export const createConfBackend: StoreBackendFactory = ({ cwd, name }) =>
  new Conf<Record<string, unknown>>({ cwd, configName: name, clearInvalidConfig: false, projectName: 'landscape-setup' });
