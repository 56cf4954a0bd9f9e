/**
 * Real services on a fresh data directory, with the store watched: the documents and sealed blobs
 * (hashed) and the keychain (every write through the real keytar is counted; when a refused input
 * wrote, the entries themselves are compared). "Untouched" means all of it is as before.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Services } from '../../main/composition';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { createEventHub } from '../../main/ipc/event-hub';
import { createHandlers } from '../../main/ipc/handlers';
import { createLogger, createRedactor } from '../../main/services/logger';
import { AppError } from '../../shared/result';
import { loadKeytar, type SecretBackend } from '../../main/services/vault/secret-backend';
import { createTestServices, makeHome } from '../support/test-services';

export interface WatchedServices {
  services: Services;
  home: string;
  /** The one file the fuzzer writes each input to; the file dialog "chose" it. */
  file: string;
  /**
   * Calls a channel through the real dispatcher and handlers, as the preload would: resolves with the
   * value, throws an AppError for a refusal, and a plain Error (a crash) for INTERNAL, with the
   * dispatcher's log line (error class and frame) as the detail.
   */
  call(channel: string, request: unknown): Promise<unknown>;
  /** What changed since the last baseline, or undefined. */
  storeChange(): Promise<string | undefined>;
  /** Removes what an accepted input created and takes a new baseline. */
  reset(): Promise<void>;
  /** Takes the current state as the baseline (after a target's own preparation). */
  baseline(): Promise<void>;
  close(): Promise<void>;
}

export async function createWatchedServices(): Promise<WatchedServices> {
  const home = makeHome('landscape-fuzz-');
  let writes = 0;
  const loader = async (): Promise<SecretBackend> => {
    const real = await loadKeytar();
    return {
      getPassword: (s, a) => real.getPassword(s, a),
      setPassword: (s, a, p) => (writes++, real.setPassword(s, a, p)),
      deletePassword: (s, a) => (writes++, real.deletePassword(s, a)),
      findCredentials: (s) => real.findCredentials(s),
    };
  };
  const file = join(home, 'fuzz-input');
  const dialogs = { chooseOpenPath: async () => file, chooseSavePath: async () => file };
  const services = createTestServices(home, { loadSecretBackend: loader, dialogs });
  await services.userPaths.chooseOpenPath({ title: 'fuzz input' });
  let lastError = '';
  const dispatch = createDispatcher(createHandlers(services), createLogger((line) => (lastError = line), createRedactor()));
  const ctx = createEventHub().context();
  const call = async (channel: string, request: unknown): Promise<unknown> => {
    const r = await dispatch(channel, request, ctx);
    if (r.ok) return r.value;
    if (r.error.code === 'INTERNAL') throw new Error(`INTERNAL ${lastError.trim().slice(0, 300)}`);
    throw new AppError(r.error.code, r.error.message, r.error.field);
  };

  const files = (): string[] => {
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        const rel = relative(home, p);
        if (rel === 'logs' || rel === 'fuzz-input') continue;
        if (statSync(p).isDirectory()) walk(p);
        else out.push(`${rel} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
      }
    };
    walk(home);
    return out.sort();
  };
  const keychain = async (): Promise<string[]> => {
    const path = join(home, 'credentials.json');
    const vaultId = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { vaultId?: string }).vaultId : undefined;
    if (!vaultId) return [];
    // Through the SecretStore (its keychain lock): a raw findCredentials while another worker
    // deletes an entry crashes this worker inside keytar (see keychain-lock.ts).
    const mine = (await services.secrets.accounts()).filter((a) => a.startsWith(`${vaultId}:`));
    const out: string[] = [];
    for (const account of mine) out.push(`${account} ${createHash('sha256').update((await services.secrets.get(account)) ?? '').digest('hex')}`);
    return out.sort();
  };

  let baseFiles: string[] = [];
  let baseKeychain: string[] = [];
  let baseCredentials = new Set<string>();
  let baseLandscapes = new Set<string>();
  const baseline = async () => {
    baseFiles = files();
    baseKeychain = await keychain();
    baseCredentials = new Set((await services.vault.list()).map((c) => c.id));
    baseLandscapes = new Set(services.landscapes.list().map((l) => l.id));
    writes = 0;
  };
  await baseline();

  return {
    services,
    home,
    file,
    call,
    async storeChange() {
      const now = files();
      if (now.join('\n') !== baseFiles.join('\n')) {
        const changed = now.filter((l) => !baseFiles.includes(l)).concat(baseFiles.filter((l) => !now.includes(l)).map((l) => `gone: ${l}`));
        return `data directory changed: ${changed.slice(0, 3).join('; ')}`;
      }
      if (writes > 0) {
        writes = 0;
        const k = await keychain();
        if (k.join('\n') !== baseKeychain.join('\n')) return `keychain changed (${baseKeychain.length} → ${k.length} entries)`;
      }
      return undefined;
    },
    async reset() {
      for (const c of await services.vault.list()) if (!baseCredentials.has(c.id)) await services.vault.remove(c.id);
      for (const l of services.landscapes.list()) if (!baseLandscapes.has(l.id)) services.landscapes.remove(l.id);
      await baseline();
    },
    baseline,
    async close() {
      for (const c of await services.vault.list()) await services.vault.remove(c.id).catch(() => undefined);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
