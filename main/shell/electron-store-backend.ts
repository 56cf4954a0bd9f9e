import ElectronStore from 'electron-store';
import type { StoreBackendFactory } from '../services/store/store-backend';

/** electron-store over the same files the CLI reads through `conf`. */
export const createElectronStoreBackend: StoreBackendFactory = ({ cwd, name }) =>
  new ElectronStore<Record<string, unknown>>({ cwd, name, clearInvalidConfig: false });
