/**
 * The one persistence backend (app, CLI and tests): the whole document as JSON in `<cwd>/<name>.json`,
 * read fresh from disk on every `store` read (another process may have written it) and written
 * atomically: a temp file in the same folder, fsync, rename over the old file, fsync of the folder.
 * A killed writer leaves the old or the new document, never half of one (the temp file it may leave
 * is removed later by stale-temp-files.ts). Same format as conf/electron-store (tab-indented JSON),
 * which this replaced: they load the whole of `ajv` to open a file, and fsync nothing.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { StoreBackendFactory } from './store-backend';

/** `<file>.tmp-<10 digits><6 hex>`: the name stale-temp-files.ts recognises. */
function tempName(file: string): string {
  return `${file}.tmp-${String(Date.now()).slice(-10)}${randomBytes(3).toString('hex')}`;
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can open a folder (Windows): the rename itself is still atomic there.
  }
}

/** Writes `text` to `file` atomically and durably. */
export function writeFileAtomic(file: string, text: string, dir: string): void {
  const temp = tempName(file);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Already renamed or never created.
    }
    throw e;
  }
  fsyncDir(dir);
}

/** Reads the document; a missing or empty file is `{}`; text that is not JSON throws SyntaxError. */
export function readJsonDocument(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw e;
  }
  if (text.trim() === '') return {};
  const value: unknown = JSON.parse(text);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new SyntaxError('the document is not a JSON object');
  return value as Record<string, unknown>;
}

export const createFileBackend: StoreBackendFactory = ({ cwd, name }) => {
  const path = join(cwd, `${name}.json`);
  mkdirSync(cwd, { recursive: true });
  readJsonDocument(path); // constructing throws on a file that is not JSON (the store sets it aside)
  return {
    path,
    get store() {
      return readJsonDocument(path);
    },
    set store(value) {
      writeFileAtomic(path, JSON.stringify(value, undefined, '\t'), cwd);
    },
  };
};
