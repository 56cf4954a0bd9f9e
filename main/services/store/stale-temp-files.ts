/**
 * The atomic writer leaves `<file>.tmp-<digits><hex>` behind when its process is killed between
 * write and rename. Those are removed when a store opens, but only once they are old enough that
 * no live process (the app and the CLI may share a data directory) can still be renaming them.
 */
import { readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const STALE_AFTER_MS = 60_000;

/** The temp files of `fileName` old enough to remove (no live writer can still be renaming them). */
export function staleTempFiles(dir: string, fileName: string, now: Date): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const prefix = `${fileName}.tmp-`;
  const stale: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d{10}[a-f0-9]{6}$/.test(name.slice(prefix.length))) continue;
    const path = join(dir, name);
    try {
      if (now.getTime() - statSync(path).mtimeMs >= STALE_AFTER_MS) stale.push(path);
    } catch {
      // Already gone (another process cleaned it): nothing to do.
    }
  }
  return stale;
}

export function removeStaleTempFiles(dir: string, fileName: string, now: Date): number {
  let removed = 0;
  for (const path of staleTempFiles(dir, fileName, now)) {
    try {
      unlinkSync(path);
      removed++;
    } catch {
      // Already gone (another process cleaned it): nothing to do.
    }
  }
  return removed;
}
