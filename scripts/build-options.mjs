// The esbuild options of main, the CLI and the preload, shared by scripts/build.mjs and the test that
// checks what each start loads before it does anything (test/unit/shell/start-up-bundles.test.ts).
// Dependencies of main/CLI stay external (node_modules ships in the app), except zod (below).
import { apiMethodsPlugin } from './api-methods-plugin.mjs';

export const node = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  packages: 'external',
};

// zod is bundled, not loaded from node_modules: as ESM it is ≈ 95 files, and resolving and reading
// them one by one cost every CLI start that validates a document (`info`, `landscapes list`) more
// than parsing the same code from one chunk. Every other package stays external.
const inlinePackages = {
  name: 'inline-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (/^zod(\/|$)/.test(args.path) ? undefined : { path: args.path, external: true }));
  },
};

// Main and the CLI are split at every dynamic import (commands, lazy services in composition.ts):
// a command loads only its own chunks, so `landscape --help` starts almost as fast as bare node.
const lazyEsm = { ...node, packages: undefined, plugins: [inlinePackages], format: 'esm', splitting: true, chunkNames: 'chunks/[name]-[hash]', outExtension: { '.js': '.mjs' } };

/** The Electron main process. Its IPC registrar gets only the channel names: zod and every request
 * schema load behind the first window, with the dispatcher (main/shell/index.ts). */
export const mainOptions = (out) => ({
  ...lazyEsm,
  plugins: [...lazyEsm.plugins, apiMethodsPlugin({ importers: /[\\/]main[\\/]shell[\\/]ipc-registrar\.ts$/ })],
  entryPoints: { index: 'main/shell/index.ts' },
  outdir: `${out}/main`,
});

export const cliOptions = (out) => ({ ...lazyEsm, entryPoints: { landscape: 'main/cli/main.ts' }, outdir: `${out}/cli` });

// Sandboxed preloads cannot require npm packages: bundle everything but electron itself. The
// preload only needs the contract's method names (the plugin), not zod and the request schemas.
export const preloadOptions = (out) => ({
  ...node,
  packages: undefined,
  external: ['electron'],
  plugins: [apiMethodsPlugin()],
  format: 'cjs',
  entryPoints: { preload: 'main/shell/preload.ts' },
  outdir: `${out}/preload`,
  outExtension: { '.js': '.cjs' },
});
