/**
 * SecretStore: the small facade over the OS keychain (GitHub Desktop's token-store pattern).
 * One fixed service name, account = a stable credential id. When the keychain is unavailable every
 * call fails with KEYCHAIN_UNAVAILABLE — there is no plaintext fallback, ever.
 *
 * Keychain calls run one at a time per process (libsecret's sync API on libuv's thread pool is
 * not meant to be driven from several threads at once), and listing and deleting hold the
 * cross-process keychain lock (keychain-lock.ts: a delete during a listing crashes keytar).
 */
import { AppError } from '../../../shared/result';
import type { KeychainStatus } from '../../../shared/ipc/app-channels';
import { classifyKeychainError } from './keychain-status';
import type { BackendLoader, SecretBackend } from './secret-backend';
import type { KeychainLock } from './keychain-lock';

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
  /** Held while listing or deleting (see keychain-lock.ts); none = this process is the only user. */
  lock?: KeychainLock;
}

// One keychain call at a time in this process, whichever SecretStore makes it.
let serial: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(fn: () => Promise<T>): Promise<T> {
  const run = serial.then(fn, fn);
  serial = run.catch(() => undefined);
  return run;
}

export function createSecretStore({ load, platform, service = KEYCHAIN_SERVICE, lock = (fn) => fn() }: SecretStoreOptions): SecretStore {
  let backend: Promise<SecretBackend> | undefined;
  // A failed load is not cached: the user may start or unlock the keychain and try again.
  const getBackend = () =>
    (backend ??= load().catch((e: unknown) => {
      backend = undefined;
      throw e;
    }));

  async function call<T>(fn: (b: SecretBackend) => Promise<T>): Promise<T> {
    try {
      const b = await getBackend();
      return await oneAtATime(() => fn(b));
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
        await oneAtATime(() => b.getPassword(service, 'landscape-setup:status-check'));
        return { state: 'available', backend: platform === 'linux' ? 'Secret Service (libsecret)' : platform === 'darwin' ? 'macOS Keychain' : 'Windows Credential Manager' };
      } catch (e) {
        return classifyKeychainError(e, platform);
      }
    },
    get: (account) => call((b) => b.getPassword(service, account)),
    set: (account, secret) => call((b) => b.setPassword(service, account, secret)),
    // The lock is taken outside call(): its STORE_BUSY must not be reported as an unavailable keychain.
    delete: (account) => lock(() => call((b) => b.deletePassword(service, account))),
    accounts: () => lock(() => call(async (b) => (await b.findCredentials(service)).map((c) => c.account))),
  };
}
