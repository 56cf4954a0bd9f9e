/**
 * One JSON document on disk with a schema version, migrations and validation.
 * Bad input loses nothing: a file that is not JSON, or that fails migration or validation, is
 * renamed aside with a timestamp and reported through `problems()`; the app goes on with an
 * empty document and the user is told where the old file is. Nothing is ever silently reset.
 * Writes go through the backend's atomic write-and-rename (fsync'd), so a killed process leaves
 * either the old or the new document, never half of one. The app and the CLI may share the data
 * directory: every update is a read-modify-write under a cross-process lock (file-lock.ts), read
 * fresh from the file inside the lock, so a change another process made is never overwritten.
 * Reads take no lock (a rename is atomic) and adopt the other process's changes when the file moved.
 * Opening takes the lock only when it must write (a bad file set aside, a migrated document written
 * back, a killed writer's temp files removed): a valid document opens without it, so a command that
 * only reads (`landscape info`, `landscapes list`) never loads the lock library nor touches a lock.
 */
import { existsSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/result';
import type { Logger } from '../logger';
import type { StoreBackend, StoreBackendFactory } from './store-backend';
import { removeStaleTempFiles, staleTempFiles } from './stale-temp-files';
import { withFileLockSync } from './file-lock';

export interface StoreProblem {
  file: string;
  keptAs: string;
  reason: string;
  at: string;
}

export interface DocumentStoreOptions<T> {
  backend: StoreBackendFactory;
  cwd: string;
  name: string;
  /** Brings any older document up to the current version; throws with a reason when it cannot. */
  migrate: (raw: Record<string, unknown>) => unknown;
  /** Returns the typed document or a reason it is not valid. */
  validate: (doc: unknown) => { ok: true; value: T } | { ok: false; reason: string };
  empty: () => T;
  log: Logger;
  now: () => Date;
}

export interface DocumentStore<T> {
  readonly path: string;
  /** A copy of the current document: callers cannot change the store by mutating it. */
  read(): T;
  /** Applies `change` to a copy; the result is validated before it is written atomically. */
  update(change: (draft: T) => T | void): T;
  problems(): StoreProblem[];
}

export function createDocumentStore<T extends object>(opts: DocumentStoreOptions<T>): DocumentStore<T> {
  const problems: StoreProblem[] = [];
  const file = join(opts.cwd, `${opts.name}.json`);

  function setAside(reason: string): void {
    const stamp = opts.now().toISOString().replace(/[:.]/g, '-');
    let keptAs = join(opts.cwd, `${opts.name}.corrupt-${stamp}.json`);
    // Two failures within one millisecond must not overwrite the first kept file.
    for (let i = 2; existsSync(keptAs); i++) keptAs = join(opts.cwd, `${opts.name}.corrupt-${stamp}-${i}.json`);
    if (existsSync(file)) renameSync(file, keptAs);
    problems.push({ file, keptAs, reason, at: opts.now().toISOString() });
    opts.log.warn('store', `${opts.name}.json could not be loaded and was kept aside`, { keptAs, reason });
  }

  function openBackend(): StoreBackend {
    removeStaleTempFiles(opts.cwd, `${opts.name}.json`, opts.now());
    try {
      return opts.backend({ cwd: opts.cwd, name: opts.name });
    } catch (e) {
      setAside(`not valid JSON (${e instanceof Error ? e.message : String(e)})`);
      return opts.backend({ cwd: opts.cwd, name: opts.name });
    }
  }

  /** Every write (and the set-aside and write-back of opening) holds the file's lock. */
  const locked = <R>(fn: () => R): R => withFileLockSync(file, fn, { what: `${opts.name}.json` });

  let backend!: StoreBackend;
  let current!: T;
  let seen = '';
  if (!openWithoutLock()) {
    locked(() => {
      backend = openBackend();
      current = load();
      seen = stamp();
    });
  }

  /** The common case: a valid, current document and nothing to clean. False = open under the lock. */
  function openWithoutLock(): boolean {
    if (staleTempFiles(opts.cwd, `${opts.name}.json`, opts.now()).length > 0) return false;
    // Stamped before reading: a write landing in between is adopted by the next read().
    const before = stamp();
    let opened: StoreBackend;
    let checked: Checked;
    try {
      opened = opts.backend({ cwd: opts.cwd, name: opts.name });
      checked = check(opened.store);
    } catch {
      return false;
    }
    if (!checked.ok || checked.rewrite) return false;
    backend = opened;
    current = checked.value;
    seen = before;
    return true;
  }

  /** Size + mtime of the file: cheap change detection without parsing. */
  function stamp(): string {
    try {
      const st = statSync(file);
      return `${st.ino}:${st.size}:${st.mtimeMs}`;
    } catch {
      return 'missing';
    }
  }

  /** Adopts a change another process wrote; a file that does not load keeps the copy in memory. */
  function refresh(force = false): void {
    const now = stamp();
    if (now === seen && !force) return;
    seen = now;
    try {
      const raw = backend.store;
      const checked = opts.validate(Object.keys(raw).length === 0 ? opts.empty() : opts.migrate(structuredClone(raw)));
      if (checked.ok) current = checked.value;
      else opts.log.warn('store', `${opts.name}.json changed on disk but is not valid; keeping the loaded copy`, { reason: checked.reason });
    } catch (e) {
      opts.log.warn('store', `${opts.name}.json changed on disk but could not be read; keeping the loaded copy`, { error: e instanceof Error ? e.name : typeof e });
    }
  }

  type Checked = { ok: true; value: T; rewrite: boolean } | { ok: false; reason: string };

  /** The document `raw` holds; `rewrite` when the file should be written back (migrated, normalised). */
  function check(raw: Record<string, unknown>): Checked {
    if (Object.keys(raw).length === 0) return { ok: true, value: opts.empty(), rewrite: false };
    let migrated: unknown;
    try {
      migrated = opts.migrate(structuredClone(raw));
    } catch (e) {
      return { ok: false, reason: `migration failed: ${e instanceof Error ? e.message : String(e)}` };
    }
    const checked = opts.validate(migrated);
    if (!checked.ok) return { ok: false, reason: `does not match the schema: ${checked.reason}` };
    return { ok: true, value: checked.value, rewrite: JSON.stringify(checked.value) !== JSON.stringify(raw) };
  }

  function load(): T {
    const checked = check(backend.store);
    if (!checked.ok) return reset(checked.reason);
    if (checked.rewrite) backend.store = checked.value as Record<string, unknown>;
    return checked.value;
  }

  function reset(reason: string): T {
    setAside(reason);
    const fresh = opts.empty();
    backend.store = fresh as Record<string, unknown>;
    return fresh;
  }

  return {
    path: file,
    read() {
      refresh();
      return structuredClone(current);
    },
    update(change) {
      return locked(() => {
        // Inside the lock the file is the truth: read it even if its stamp looks unchanged.
        refresh(true);
        const draft = structuredClone(current);
        const next = (change(draft) ?? draft) as T;
        const checked = opts.validate(next);
        if (!checked.ok) throw new AppError('INVALID_DOCUMENT', `Not saved: ${checked.reason}`);
        backend.store = checked.value as Record<string, unknown>;
        current = checked.value;
        seen = stamp();
        return structuredClone(current);
      });
    },
    problems: () => [...problems],
  };
}
