/**
 * Builds `window.api` from the contract: one named function per channel, one subscription per event.
 * The preload (Electron) and the test bridge (Chromium in tests) both call this, so the renderer
 * meets exactly the same object in both. No generic `invoke(channel)` is ever exposed.
 */
import { contract, events, type Api } from './contract';

export type Invoke = (channel: string, request: unknown) => Promise<unknown>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

export function buildApi(invoke: Invoke, subscribe: Subscribe): Api {
  const api: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(contract)) {
    api[def.method] = (request?: unknown) => invoke(name, request);
  }
  for (const [name, def] of Object.entries(events) as [string, { method: string }][]) {
    api[def.method] = (listener: (payload: unknown) => void) => subscribe(name, listener);
  }
  return Object.freeze(api) as Api;
}
