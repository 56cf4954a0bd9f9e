/**
 * The cross-process lock on its own: a lock left by a killed process (its recorded owner is gone,
 * or no owner and old) is cleared at once; a lock held by a live process makes a writer wait and
 * then fail with STORE_BUSY, never run; the holder's owner file and lock are gone after release.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFileLock, withFileLockSync } from '../../../main/services/store/file-lock';

const target = () => join(mkdtempSync(join(tmpdir(), 'landscape-lock-')), 'doc.json');

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('file lock', () => {
  it('runs the function under the lock and leaves nothing behind', () => {
    const t = target();
    const seen = withFileLockSync(t, () => [existsSync(`${t}.lock`), existsSync(`${t}.lock.owner`)], { what: 'doc.json' });
    expect(seen).toEqual([true, true]);
    expect(existsSync(`${t}.lock`)).toBe(false);
    expect(existsSync(`${t}.lock.owner`)).toBe(false);
  });

  it('clears a lock whose recorded owner has exited, without waiting for it to age', () => {
    const t = target();
    mkdirSync(`${t}.lock`);
    writeFileSync(`${t}.lock.owner`, String(deadPid()));
    const started = Date.now();
    expect(withFileLockSync(t, () => 'ran', { what: 'doc.json', waitMs: 5_000 })).toBe('ran');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('clears an old lock with no recorded owner (killed between its two steps)', async () => {
    const t = target();
    mkdirSync(`${t}.lock`);
    const old = new Date(Date.now() - 60_000);
    utimesSync(`${t}.lock`, old, old);
    expect(await withFileLock(t, async () => 'ran', { what: 'doc.json', waitMs: 5_000 })).toBe('ran');
  });

  it('a lock held by a live process: the writer waits, then fails with STORE_BUSY and never runs', async () => {
    const t = target();
    mkdirSync(`${t}.lock`);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(`${t}.lock.owner`, String(holder.pid));
      let ran = false;
      expect(() => withFileLockSync(t, () => (ran = true), { what: 'doc.json', waitMs: 400 })).toThrow(/doc\.json is being changed by another Landscape Setup window or CLI command/);
      await expect(withFileLock(t, async () => (ran = true), { what: 'doc.json', waitMs: 400 })).rejects.toMatchObject({ code: 'STORE_BUSY' });
      expect(ran).toBe(false);
      expect(existsSync(`${t}.lock`)).toBe(true);
    } finally {
      holder.kill('SIGKILL');
    }
  });
});
