/**
 * Evaluates PAC files in QuickJS (WebAssembly, through pac-resolver): the script runs in its own
 * heap (32 MiB) with no access to Node, is interrupted after its time limit, and its DNS helpers
 * are bounded. `myIpAddress()` is computed once from the interfaces and cached: pac-resolver's own
 * version opens a UDP socket toward 8.8.8.8 per call, which is slow (or stuck) on closed networks.
 * Scripts are cached per URL for a minute; evaluations on one VM run one at a time.
 */
import { lookup } from 'node:dns/promises';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { networkInterfaces } from 'node:os';
import { createPacResolver } from 'pac-resolver';
import { QuickJS } from 'quickjs-wasi';
import { readPacScript } from './pac-source';
import { RouteFailure } from './route-failure';

export interface PacEvaluatorOptions {
  evalTimeoutMs?: number;
  loadTimeoutMs?: number;
  dnsTimeoutMs?: number;
  cacheMs?: number;
  /** The laptop's address as PAC files see it (tests pin it). */
  myIp?: () => string;
  now?: () => number;
}

export interface PacEvaluator {
  /** FindProxyForURL(url, host) of the PAC file at `pacRef` (URL or path): its raw answer. */
  find(pacRef: string, url: string, host: string): Promise<string>;
}

let wasm: Buffer | undefined;
function quickjsWasm(): Buffer {
  wasm ??= readFileSync(createRequire(import.meta.url).resolve('quickjs-wasi/quickjs.wasm'));
  return wasm;
}

export function firstLanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

interface Compiled {
  find: (url: string, host: string) => Promise<string>;
  setDeadline: (at: number) => void;
  queue: Promise<unknown>;
}

export function createPacEvaluator(opts: PacEvaluatorOptions = {}): PacEvaluator {
  const evalTimeout = opts.evalTimeoutMs ?? 2000;
  const dnsTimeout = opts.dnsTimeoutMs ?? 1500;
  const now = opts.now ?? Date.now;
  let myIp: string | undefined;
  const cache = new Map<string, { at: number; compiled: Promise<Compiled> }>();

  const boundedLookup = async (host: string): Promise<string | null> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((r) => (timer = setTimeout(() => r(null), dnsTimeout)));
    try {
      return await Promise.race([lookup(host, { family: 4 }).then((a) => a.address, () => null), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };

  async function compile(pacRef: string): Promise<Compiled> {
    const text = await readPacScript(pacRef, opts.loadTimeoutMs ?? 5000);
    let deadline = 0;
    const vm = await QuickJS.create({ wasm: quickjsWasm(), memoryLimit: 32 * 1024 * 1024, interruptHandler: () => Date.now() > deadline });
    deadline = Date.now() + evalTimeout;
    try {
      const find = createPacResolver(vm as never, text, {
        sandbox: {
          myIpAddress: () => (myIp ??= opts.myIp ? opts.myIp() : firstLanAddress()),
          dnsResolve: async (host: string) => boundedLookup(host),
          isResolvable: async (host: string) => (await boundedLookup(host)) !== null,
          alert: () => {},
        },
      });
      return { find, setDeadline: (at) => (deadline = at), queue: Promise.resolve() };
    } catch (e) {
      throw new RouteFailure('route.pac-failed', { pac: pacRef, detail: messageOf(e) });
    }
  }

  function compiled(pacRef: string): Promise<Compiled> {
    const hit = cache.get(pacRef);
    if (hit && now() - hit.at < (opts.cacheMs ?? 60_000)) return hit.compiled;
    const fresh = compile(pacRef);
    cache.set(pacRef, { at: now(), compiled: fresh });
    fresh.catch(() => cache.delete(pacRef));
    return fresh;
  }

  return {
    async find(pacRef, url, host) {
      const c = await compiled(pacRef);
      const run = c.queue.then(async () => {
        c.setDeadline(Date.now() + evalTimeout);
        let timer: NodeJS.Timeout | undefined;
        // The interrupt stops a looping script; this stops one awaiting a host call that never ends.
        const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer in ${evalTimeout} ms`)), evalTimeout + dnsTimeout)));
        try {
          const answer = await Promise.race([c.find(url, host), late]);
          if (typeof answer !== 'string') throw new Error('FindProxyForURL did not return a string');
          return answer;
        } catch (e) {
          throw new RouteFailure('route.pac-failed', { pac: pacRef, detail: messageOf(e) });
        } finally {
          clearTimeout(timer);
        }
      });
      c.queue = run.catch(() => undefined);
      return run;
    },
  };
}

function messageOf(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m === 'interrupted' ? `still running after the time limit` : m.slice(0, 200);
}
