/**
 * Opening a document store takes the cross-process lock only when opening writes: a valid current
 * document opens without it (so `landscape info` and `landscapes list` never load proper-lockfile,
 * and open even while another process holds the lock), while setting a bad file aside, writing a
 * migrated document back and removing a killed writer's temp files still happen under the lock.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../../../main/services/logger';
import { createDocumentStore } from '../../../main/services/store/document-store';
import { createFileBackend } from '../../../main/services/store/file-backend';
import type * as FileLock from '../../../main/services/store/file-lock';

const locks = vi.hoisted(() => [] as string[]);
vi.mock('../../../main/services/store/file-lock', async (original) => {
  const real = await original<typeof FileLock>();
  return {
    ...real,
    withFileLockSync: <T>(target: string, fn: () => T, opts: { what: string }) => {
      locks.push(target);
      return real.withFileLockSync(target, fn, opts);
    },
  };
});

interface Doc {
  schemaVersion: 2;
  names: string[];
}

function open(cwd: string) {
  return createDocumentStore<Doc>({
    backend: createFileBackend,
    cwd,
    name: 'doc',
    migrate: (raw) => {
      if (raw.schemaVersion === 1) return { schemaVersion: 2, names: raw.list };
      return raw;
    },
    validate: (doc) => {
      const d = doc as Doc;
      return d.schemaVersion === 2 && Array.isArray(d.names) && d.names.every((n) => typeof n === 'string') ? { ok: true, value: d } : { ok: false, reason: 'names must be strings' };
    },
    empty: () => ({ schemaVersion: 2, names: [] }),
    log: silentLogger,
    now: () => new Date(),
  });
}

function home(content?: string): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'landscape-open-'));
  const file = join(dir, 'doc.json');
  if (content !== undefined) writeFileSync(file, content);
  return { dir, file };
}

beforeEach(() => {
  locks.length = 0;
});

describe('opening a document store', () => {
  it('reads a valid document without the lock, even while another process holds it', () => {
    const { dir, file } = home(JSON.stringify({ schemaVersion: 2, names: ['a'] }, undefined, '\t'));
    // Held by a live process (this one): a lock attempt would wait and then fail with STORE_BUSY.
    mkdirSync(`${file}.lock`);
    writeFileSync(`${file}.lock.owner`, String(process.pid));
    const store = open(dir);
    expect(store.read().names).toEqual(['a']);
    expect(store.problems()).toEqual([]);
    expect(locks).toEqual([]);
  });

  it('opens a missing file as the empty document without the lock and writes nothing', () => {
    const { dir, file } = home();
    expect(open(dir).read()).toEqual({ schemaVersion: 2, names: [] });
    expect(locks).toEqual([]);
    expect(existsSync(file)).toBe(false);
  });

  it('writes a migrated document back under the lock', () => {
    const { dir, file } = home(JSON.stringify({ schemaVersion: 1, list: ['old'] }));
    expect(open(dir).read().names).toEqual(['old']);
    expect(locks).toEqual([file]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ schemaVersion: 2, names: ['old'] });
  });

  it('sets a file that is not JSON, or not valid, aside under the lock', () => {
    for (const bad of ['{"schemaVersion": 2, "names": [', JSON.stringify({ schemaVersion: 2, names: [1] })]) {
      locks.length = 0;
      const { dir, file } = home(bad);
      const store = open(dir);
      expect(store.read().names).toEqual([]);
      expect(locks).toEqual([file]);
      const [problem] = store.problems();
      expect(readFileSync(problem!.keptAs, 'utf8')).toBe(bad);
    }
  });

  it("removes a killed writer's old temp file under the lock", () => {
    const { dir, file } = home(JSON.stringify({ schemaVersion: 2, names: ['a'] }, undefined, '\t'));
    const temp = `${file}.tmp-1234567890abcdef`;
    writeFileSync(temp, '{"half');
    const old = new Date(Date.now() - 120_000);
    utimesSync(temp, old, old);
    expect(open(dir).read().names).toEqual(['a']);
    expect(locks).toEqual([file]);
    expect(existsSync(temp)).toBe(false);
  });

  it('still takes the lock for every update', () => {
    const { dir, file } = home(JSON.stringify({ schemaVersion: 2, names: ['a'] }, undefined, '\t'));
    const store = open(dir);
    store.update((d) => ({ ...d, names: [...d.names, 'b'] }));
    expect(locks).toEqual([file]);
    expect(open(dir).read().names).toEqual(['a', 'b']);
  });
});
