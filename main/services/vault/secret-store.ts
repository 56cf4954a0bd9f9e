/**
 * SecretStore: the small facade over the OS keychain (GitHub Desktop's token-store pattern).
 * One fixed service name, account = a stable credential id. When the keychain is unavailable every
 * call fails with KEYCHAIN_UNAVAILABLE — there is no plaintext fallback, ever.
 */
import { AppError } from '../../../shared/result';
import type { KeychainStatus } from '../../../shared/ipc/app-channels';
import { classifyKeychainError } from './keychain-status';
import type { BackendLoader, SecretBackend } from './secret-backend';

export const KEYCHAIN_SERVICE = 'landscape-setup';

export interface SecretStore {
  readonly service: string;
  status(): Promise<KeychainStatus>;
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  delete(account: string): Promise<boolean>;
  accounts(): Promise<string[]>;
}

export interface SecretStoreOptions {
  load: BackendLoader;
  platform: string;
  service?: string;
}

export function createSecretStore({ load, platform, service = KEYCHAIN_SERVICE }: SecretStoreOptions): SecretStore {
  let backend: Promise<SecretBackend> | undefined;
  // A failed load is not cached: the user may start or unlock the keychain and try again.
  const getBackend = () =>
    (backend ??= load().catch((e: unknown) => {
      backend = undefined;
      throw e;
    }));

  async function call<T>(fn: (b: SecretBackend) => Promise<T>): Promise<T> {
    try {
      return await fn(await getBackend());
    } catch (e) {
      const status = classifyKeychainError(e, platform);
      const why = status.state === 'unavailable' ? `${status.reason}: ${status.detail}` : '';
      throw new AppError('KEYCHAIN_UNAVAILABLE', `The OS keychain is unavailable (${why}). ${status.state === 'unavailable' ? status.hint : ''}`.trim());
    }
  }

  return {
    service,
    async status() {
      try {
        const b = await getBackend();
        // One lookup of an account that never exists: it proves the keychain answers (unlocked,
        // reachable) without pulling every secret of the app over D-Bus as findCredentials would.
        await b.getPassword(service, 'landscape-setup:status-check');
        return { state: 'available', backend: platform === 'linux' ? 'Secret Service (libsecret)' : platform === 'darwin' ? 'macOS Keychain' : 'Windows Credential Manager' };
      } catch (e) {
        return classifyKeychainError(e, platform);
      }
    },
    get: (account) => call((b) => b.getPassword(service, account)),
    set: (account, secret) => call((b) => b.setPassword(service, account, secret)),
    delete: (account) => call((b) => b.deletePassword(service, account)),
    accounts: () => call(async (b) => (await b.findCredentials(service)).map((c) => c.account)),
  };
}
