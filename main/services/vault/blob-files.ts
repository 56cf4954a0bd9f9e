/**
 * The sealed (AES-256-GCM) blobs of large secrets, one file each under <dataDir>/vault/.
 * Written to a temporary name and renamed, so a crash never leaves half a blob under the real name.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BLOB_SUFFIX = '.sealed';

export interface BlobFiles {
  readonly dir: string;
  write(name: string, bytes: Buffer): void;
  read(name: string): Buffer | undefined;
  remove(name: string): void;
  list(): string[];
}

const SAFE_NAME = /^[a-z0-9-]+\.sealed$/;

export function createBlobFiles(dir: string): BlobFiles {
  const pathOf = (name: string) => {
    // Names come from keychain entries; never let one point outside the folder.
    if (!SAFE_NAME.test(name)) throw new Error('invalid blob name');
    return join(dir, name);
  };
  return {
    dir,
    write(name, bytes) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const target = pathOf(name);
      const temp = `${target}.tmp-${process.pid}`;
      writeFileSync(temp, bytes, { mode: 0o600 });
      renameSync(temp, target);
    },
    read(name) {
      const path = pathOf(name);
      return existsSync(path) ? readFileSync(path) : undefined;
    },
    remove(name) {
      rmSync(pathOf(name), { force: true });
    },
    list() {
      if (!existsSync(dir)) return [];
      return readdirSync(dir).filter((n) => SAFE_NAME.test(n));
    },
  };
}
