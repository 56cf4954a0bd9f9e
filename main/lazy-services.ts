/**
 * The machinery behind the lazy composition (main/composition.ts): service modules come in by
 * dynamic import when asked for (`load`), and each service is built on its first read. Reads stay
 * synchronous (`services.vault.list()`), so handlers and commands did not change shape; the price
 * is that a module must be loaded before its service is read, which `load` does for a command's
 * `uses` (the CLI), for everything (the app and the tests), or on demand (async paths).
 */

export interface LazyEntry<S, I, N extends string> {
  /** The service names this entry builds (a group such as vault + credentialTools builds together). */
  provides: N[];
  /** Services the builder reads: their modules are loaded first. */
  needs: N[];
  load: () => Promise<unknown>;
  build: (module: unknown, services: S, input: I) => Partial<S>;
}

export function lazy<S, I, N extends string, M>(
  provides: N[],
  needs: N[],
  load: () => Promise<M>,
  build: (module: M, services: S, input: I) => Partial<S>,
): LazyEntry<S, I, N> {
  return { provides, needs, load, build: build as LazyEntry<S, I, N>['build'] };
}

export interface LazyRegistry<S, I, N extends string> {
  /** Loads the modules of the named services and their needs; no name = all. */
  loadModules(...names: N[]): Promise<void>;
  /** Adds a getter per lazy service and `load` to `base`; the result is one composition. */
  attach(base: object, input: I): S;
}

export function lazyRegistry<S extends object, I, N extends string>(entries: LazyEntry<S, I, N>[]): LazyRegistry<S, I, N> {
  // Module state is per process (the import cache is); built services are per composition.
  const modules = new Map<LazyEntry<S, I, N>, { promise: Promise<void>; module?: unknown; loaded: boolean }>();
  const byName = new Map<N, LazyEntry<S, I, N>>();
  for (const e of entries) for (const n of e.provides) byName.set(n, e);

  function closure(names: N[]): Set<LazyEntry<S, I, N>> {
    const out = new Set<LazyEntry<S, I, N>>();
    const visit = (n: N): void => {
      const e = byName.get(n);
      if (!e) throw new Error(`unknown service "${n}"`);
      if (out.has(e)) return;
      out.add(e);
      e.needs.forEach(visit);
    };
    (names.length ? names : [...byName.keys()]).forEach(visit);
    return out;
  }

  function loadEntry(e: LazyEntry<S, I, N>): Promise<void> {
    let state = modules.get(e);
    if (!state) {
      const s: { promise: Promise<void>; module?: unknown; loaded: boolean } = { promise: Promise.resolve(), loaded: false };
      s.promise = e.load().then((m) => {
        s.module = m;
        s.loaded = true;
      });
      // A failed import may be retried by the next load.
      s.promise.catch(() => modules.delete(e));
      modules.set(e, s);
      state = s;
    }
    return state.promise;
  }

  async function loadModules(...names: N[]): Promise<void> {
    await Promise.all([...closure(names)].map(loadEntry));
  }

  return {
    loadModules,
    attach(base, input) {
      const built = new Map<LazyEntry<S, I, N>, Partial<S>>();
      const services: Record<string, unknown> = { ...base };
      services.load = (...names: N[]) => loadModules(...names);
      for (const [name, entry] of byName) {
        Object.defineProperty(services, name, {
          enumerable: true,
          get() {
            let value = built.get(entry);
            if (!value) {
              const state = modules.get(entry);
              if (!state?.loaded) {
                throw new Error(`The ${name} service was read before its module was loaded: add "${name}" to the command's uses, or await services.load("${name}") first`);
              }
              value = entry.build(state.module, services as S, input);
              built.set(entry, value);
            }
            return (value as Record<string, unknown>)[name];
          },
        });
      }
      return services as S;
    },
  };
}
