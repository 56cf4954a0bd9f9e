/**
 * What the tests use to look into the real keyring (secret-tool, independent of keytar) and to
 * make one half of a write fail on purpose: the real backend, wrapped, never a fake keychain.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createFileBackend } from '../../main/services/store/file-backend';
import type { StoreBackendFactory } from '../../main/services/store/store-backend';
import { loadKeytar, type BackendLoader } from '../../main/services/vault/secret-backend';
import { withFileLockSync } from '../../main/services/store/file-lock';
import { keychainLockPath } from '../../main/services/vault/keychain-lock';
import { KEYCHAIN_SERVICE } from '../../main/services/vault/secret-store';

export interface KeyringItem {
  account: string;
  secret: string;
}

/**
 * `secret-tool search --all service landscape-setup [account A]`: attributes on stderr, secrets on
 * stdout. Under the app's keychain lock: secret-tool also loads each found item's secret after the
 * search, so a parallel worker's delete would make it fail (keychain-lock.ts).
 */
export function searchKeyring(account?: string): KeyringItem[] {
  const args = ['search', '--all', 'service', KEYCHAIN_SERVICE, ...(account ? ['account', account] : [])];
  const lock = keychainLockPath(KEYCHAIN_SERVICE);
  mkdirSync(dirname(lock), { recursive: true, mode: 0o700 });
  const r = withFileLockSync(lock, () => spawnSync('secret-tool', args, { encoding: 'utf8', timeout: 10_000 }), { what: 'The test keyring' });
  const accounts = [...r.stderr.matchAll(/^attribute\.account = (.*)$/gm)].map((m) => m[1] as string);
  const secrets = [...r.stdout.matchAll(/^secret = (.*)$/gm)].map((m) => m[1] as string);
  return accounts.map((a, i) => ({ account: a, secret: secrets[i] ?? '' }));
}

export interface Switch {
  on: boolean;
}

/** The real keytar, with setPassword failing while `fail.on` is true. */
export function keytarFailingOnSet(fail: Switch): BackendLoader {
  return async () => {
    const real = await loadKeytar();
    return {
      getPassword: (s, a) => real.getPassword(s, a),
      setPassword: (s, a, p) => (fail.on ? Promise.reject(new Error('simulated keychain write failure')) : real.setPassword(s, a, p)),
      deletePassword: (s, a) => real.deletePassword(s, a),
      findCredentials: (s) => real.findCredentials(s),
    };
  };
}

/** The real conf backend, with writes of the document failing while `fail.on` is true. */
export function confFailingOnWrite(fail: Switch): StoreBackendFactory {
  return (options) => {
    const real = createFileBackend(options);
    return {
      get path() {
        return real.path;
      },
      get store() {
        return real.store;
      },
      set store(value) {
        if (fail.on) throw new Error('simulated disk full');
        real.store = value;
      },
    };
  };
}
