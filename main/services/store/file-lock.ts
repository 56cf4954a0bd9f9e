/**
 * Cross-process locks for the data directory: the app and the CLI (or two CLI calls) may change the
 * same file at once, and a read-modify-write must not lose the other's change.
 *
 * proper-lockfile does the locking (an atomic `mkdir <file>.lock`, the mtime refreshed while an
 * async holder waits on I/O, released on exit and on signals). Its own stale takeover is switched
 * off, for two reasons: it can only judge by age (a lock left by a killed CLI call would block
 * every writer for the whole stale period), and two waiters that see the same stale lock can each
 * remove it, the second removing the lock the first has just taken. Instead the holder writes its
 * pid beside the lock (`<file>.lock.owner`); a waiter clears the lock at once when that process is
 * gone, after STALE_MS when no owner was recorded (killed between the two steps), and after
 * LIVE_STALE_MS even with a live owner (a reused pid). Clearing happens only under a second, short
 * `…lock.takeover` mkdir and only if the lock is still the same one, so exactly one waiter clears it.
 *
 * Waiting is bounded: a writer that cannot get the lock in time throws STORE_BUSY and writes
 * nothing. The sync form (the document store) sleeps with Atomics.wait between attempts; holds
 * are a few milliseconds (read, validate, write, fsync).
 */
import { mkdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import type * as ProperLockfile from 'proper-lockfile';
import { AppError } from '../../../shared/result';

/** A lock without a recorded owner this old was left by a killed process (holds last ms). */
export const STALE_MS = 10_000;
/** Even a lock whose recorded owner still runs is cleared after this (the pid was reused). */
export const LIVE_STALE_MS = 60_000;
/** How long a writer waits for the lock: longer than STALE_MS, so a killed holder's lock is outlived. */
export const WAIT_MS = 25_000;

export interface LockOptions {
  /** Shown in the STORE_BUSY message, e.g. "landscapes.json". */
  what: string;
  waitMs?: number;
  staleMs?: number;
}

// Required on the first lock, not at import: commands that only read (`info`, `landscapes list`)
// never take a lock, and proper-lockfile with graceful-fs costs every CLI start ≈ 80 ms of CPU.
let lockfileModule: typeof ProperLockfile | undefined;
const lockfile = () => (lockfileModule ??= createRequire(import.meta.url)('proper-lockfile') as typeof ProperLockfile);

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleepSync = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function busy(what: string, waitMs: number): AppError {
  return new AppError(
    'STORE_BUSY',
    `${what} is being changed by another Landscape Setup window or CLI command that did not finish within ${Math.round(waitMs / 1000)} s. Nothing was saved; try again, or close the other one.`,
  );
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The recorded holder: 'dead', 'alive', or 'unknown' (no or unreadable owner file). */
function ownerState(lockDir: string): 'dead' | 'alive' | 'unknown' {
  let pid: number;
  try {
    pid = Number(readFileSync(`${lockDir}.owner`, 'utf8'));
  } catch {
    return 'unknown';
  }
  if (!Number.isInteger(pid) || pid <= 0) return 'unknown';
  if (pid === process.pid) return 'alive';
  try {
    process.kill(pid, 0);
    return 'alive';
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH' ? 'dead' : 'alive';
  }
}

function isStale(lockDir: string, st: Stats, staleMs: number): boolean {
  const owner = ownerState(lockDir);
  const age = Date.now() - st.mtimeMs;
  return owner === 'dead' || (owner === 'unknown' && age > staleMs) || age > Math.max(LIVE_STALE_MS, staleMs);
}

/** Removes `lockDir` if it is (still) stale; one remover at a time, under `<lockDir>.takeover`. */
function clearIfStale(lockDir: string, staleMs: number): void {
  const seen = statOrUndefined(lockDir);
  if (!seen || !isStale(lockDir, seen, staleMs)) return;
  const guard = `${lockDir}.takeover`;
  try {
    mkdirSync(guard);
  } catch {
    // Another waiter is clearing it; a guard left by a killed waiter (a µs window) ages out.
    const g = statOrUndefined(guard);
    if (g && g.mtimeMs < Date.now() - staleMs) rmSync(guard, { recursive: true, force: true });
    return;
  }
  try {
    const now = statOrUndefined(lockDir);
    // The same directory, untouched, its holder still gone: only its holder or a guard holder
    // removes a lock, so nobody can have re-taken it between this check and the removal.
    if (now && now.ino === seen.ino && now.mtimeMs === seen.mtimeMs && isStale(lockDir, now, staleMs)) {
      rmSync(`${lockDir}.owner`, { force: true });
      rmdirSync(lockDir);
    }
  } catch {
    // Gone already: the next attempt takes the lock.
  } finally {
    rmSync(guard, { recursive: true, force: true });
  }
}

function tryLock(target: string, staleMs: number): (() => void) | undefined {
  const lockDir = `${target}.lock`;
  try {
    // stale: never (see the header); update: refresh the mtime while an async holder waits.
    const release = lockfile().lockSync(target, {
      realpath: false,
      lockfilePath: lockDir,
      stale: 2 ** 31,
      update: Math.max(1000, Math.floor(staleMs / 4)),
      onCompromised: () => {
        // Our lock was removed as stale while we still held it (a frozen process): nothing to do
        // safely from a timer; the write in progress, if any, still lands atomically.
      },
    });
    // Who holds it, so a waiter can tell a killed holder at once (the owner file goes first on release).
    writeFileSync(`${lockDir}.owner`, String(process.pid));
    return () => {
      try {
        rmSync(`${lockDir}.owner`, { force: true });
        release();
      } catch {
        // Already released or removed: the lock is not ours any more either way.
      }
    };
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ELOCKED') throw e;
    clearIfStale(lockDir, staleMs);
    return undefined;
  }
}

/** Runs `fn` holding the lock on `target` (a path; the file itself need not exist). */
export function withFileLockSync<T>(target: string, fn: () => T, opts: LockOptions): T {
  const waitMs = opts.waitMs ?? WAIT_MS;
  const staleMs = opts.staleMs ?? STALE_MS;
  const deadline = Date.now() + waitMs;
  let pause = 2;
  for (;;) {
    const release = tryLock(target, staleMs);
    if (release) {
      try {
        return fn();
      } finally {
        release();
      }
    }
    if (Date.now() >= deadline) throw busy(opts.what, waitMs);
    sleepSync(pause + Math.random() * pause);
    pause = Math.min(pause * 2, 50);
  }
}

/** The async form: for holds that wait on I/O (the keychain); the mtime is refreshed meanwhile. */
export async function withFileLock<T>(target: string, fn: () => Promise<T>, opts: LockOptions): Promise<T> {
  const waitMs = opts.waitMs ?? WAIT_MS;
  const staleMs = opts.staleMs ?? STALE_MS;
  const deadline = Date.now() + waitMs;
  let pause = 5;
  for (;;) {
    const release = tryLock(target, staleMs);
    if (release) {
      try {
        return await fn();
      } finally {
        release();
      }
    }
    if (Date.now() >= deadline) throw busy(opts.what, waitMs);
    await sleep(pause + Math.random() * pause);
    pause = Math.min(pause * 2, 100);
  }
}
