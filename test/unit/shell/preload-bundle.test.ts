/**
 * The preload as scripts/build.mjs bundles it (api-methods plugin): the same window.api as
 * buildApi() over the full contract, every function calling its own channel, but without zod and
 * the request schemas, which main's dispatcher checks anyway.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { apiMethodsPlugin } from '../../../scripts/api-methods-plugin.mjs';
import { buildApi } from '../../../shared/ipc/build-api';
import { contract, events } from '../../../shared/ipc/contract';

const ROOT = resolve(import.meta.dirname, '../../..');

async function bundlePreload(): Promise<string> {
  const r = await build({
    entryPoints: [resolve(ROOT, 'main/shell/preload.ts')],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    plugins: [apiMethodsPlugin()],
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

/** Runs the CommonJS bundle with a stand-in electron module; returns what it exposed and invoked. */
function runPreload(code: string) {
  const exposed = new Map<string, Record<string, (arg?: unknown) => unknown>>();
  const invoked: Array<{ channel: string; request: unknown }> = [];
  const subscribed: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: Record<string, (arg?: unknown) => unknown>) => exposed.set(key, value) },
    ipcRenderer: {
      invoke: (channel: string, request: unknown) => (invoked.push({ channel, request }), Promise.resolve()),
      on: (event: string) => subscribed.push(event),
      removeListener: () => {},
    },
  };
  const requireStub = (id: string) => {
    if (id !== 'electron') throw new Error(`the preload required ${id}`);
    return electron;
  };
  new Function('require', 'module', 'exports', code)(requireStub, { exports: {} }, {});
  return { api: exposed.get('api')!, invoked, subscribed };
}

describe('the bundled preload', () => {
  it('carries no zod and no request schema', async () => {
    const code = await bundlePreload();
    expect(code).not.toMatch(/zod|ZodType|safeParse/);
    expect(code.length).toBeLessThan(30_000);
  });

  it('exposes the same methods as buildApi over the full contract, each calling its own channel', async () => {
    const { api, invoked, subscribed } = runPreload(await bundlePreload());
    const full = buildApi(() => Promise.resolve(), () => () => {});
    expect(Object.keys(api).sort()).toEqual(Object.keys(full).sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const [channel, def] of Object.entries(contract)) {
      await api[def.method]!({ probe: channel });
      expect(invoked.at(-1)).toEqual({ channel, request: { probe: channel } });
    }
    for (const [event, def] of Object.entries(events) as Array<[string, { method: string }]>) {
      api[def.method]!(() => {});
      expect(subscribed.at(-1)).toBe(event);
    }
  });
});
