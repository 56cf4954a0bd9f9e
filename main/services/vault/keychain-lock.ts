/**
 * One cross-process lock per keychain service, for listing and deleting entries.
 *
 * Why: on Linux keytar's findCredentials searches the Secret Service, then loads each item's
 * secret. An item deleted in between (by another Landscape Setup process: the CLI beside the app,
 * a second data directory, a parallel test worker) makes libsecret hand keytar a NULL value, which
 * it passes to strdup — the process dies with SIGSEGV ("libsecret-CRITICAL secret_value_get_text:
 * assertion 'value' failed"), or the call fails with "No such secret item at path". Data-directory
 * locks cannot prevent this (the search spans every data directory of the service), so listing and
 * deleting take this lock, shared by every process of the user: `<tmp>/landscape-setup-<user>/`
 * (a private folder; the temp dir, not XDG_RUNTIME_DIR, because every caller sees the same one).
 * file-lock is imported on first use, so building the services stays cheap.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, statSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/result';

export type KeychainLock = <T>(fn: () => Promise<T>) => Promise<T>;

/** The lock's path: per user and service. */
export function keychainLockPath(service: string): string {
  const uid = typeof process.getuid === 'function' ? String(process.getuid()) : userInfo().username;
  const base = tmpdir();
  const name = createHash('sha256').update(service).digest('hex').slice(0, 16);
  return join(base, `landscape-setup-${uid}`, `keychain-${name}`);
}

function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) {
    throw new AppError('KEYCHAIN_UNAVAILABLE', `The folder ${dir} belongs to another user. Remove it, then try again.`);
  }
}

export function createKeychainLock(service: string): KeychainLock {
  const path = keychainLockPath(service);
  return async (fn) => {
    ensurePrivateDir(join(path, '..'));
    const { withFileLock } = await import('../store/file-lock');
    return withFileLock(path, fn, { what: 'The OS keychain' });
  };
}
