/**
 * The test stand-in for main/shell/preload.ts: the same buildApi(), with ipcRenderer replaced by
 * Playwright bindings that reach the real dispatcher in the test process. Bundled to an IIFE and
 * installed with addInitScript before any page script runs.
 */
import { buildApi } from '../../shared/ipc/build-api';

type Listener = (payload: unknown) => void;

interface BridgeWindow {
  __bridgeInvoke(channel: string, request: unknown): Promise<unknown>;
  __bridgeEmit?: (event: string, payload: unknown) => void;
  api?: unknown;
}

const w = globalThis as unknown as BridgeWindow;
const listeners = new Map<string, Set<Listener>>();

w.__bridgeEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

w.api = buildApi(
  (channel, request) => w.__bridgeInvoke(channel, request),
  (event, listener) => {
    const set = listeners.get(event) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
);
