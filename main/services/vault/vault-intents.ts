/**
 * What a vault mutation is about to do, written down (fsync'd) before it touches the keychain and
 * removed when both halves are written. A writer killed in between (kill -9, a crash, power loss)
 * leaves its intent behind; the next mutation in any process, holding the vault lock, finds it and
 * finishes the job the safe way: an uncommitted create is undone (keychain entry and blob), a
 * started remove is completed, an update's unreferenced blobs are dropped. So a killed writer
 * leaves no orphan. Intents hold ids and keychain account names only, never a secret.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/file-backend';

export interface Intent {
  op: 'create' | 'update' | 'remove';
  id: string;
  account: string;
}

const SUFFIX = '.intent';
const SAFE_ID = /^[a-z0-9-]+$/;

export interface VaultIntents {
  /** Records the intent, runs `fn`, and clears it whatever `fn` did (its own rollback ran). */
  around<T>(intent: Intent, fn: () => Promise<T>): Promise<T>;
  /** Intents left by writers that did not finish. Only meaningful while holding the vault lock. */
  pending(): Intent[];
  clear(id: string): void;
}

export function createVaultIntents(dir: string): VaultIntents {
  const pathOf = (id: string) => {
    if (!SAFE_ID.test(id)) throw new Error('invalid credential id');
    return join(dir, `${id}${SUFFIX}`);
  };
  const clear = (id: string) => rmSync(pathOf(id), { force: true });
  return {
    async around(intent, fn) {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      writeFileAtomic(pathOf(intent.id), JSON.stringify(intent), dir);
      try {
        return await fn();
      } finally {
        clear(intent.id);
      }
    },
    pending() {
      if (!existsSync(dir)) return [];
      const out: Intent[] = [];
      for (const name of readdirSync(dir)) {
        if (!name.endsWith(SUFFIX)) continue;
        try {
          const v = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Intent;
          if (SAFE_ID.test(v.id) && typeof v.account === 'string' && ['create', 'update', 'remove'].includes(v.op)) out.push(v);
        } catch {
          // Unreadable (cannot happen with the atomic write); the orphan scan still covers its data.
        }
      }
      return out;
    },
    clear,
  };
}
