// Offline build: esbuild bundles main (ESM), the CLI (ESM) and the preload (one CommonJS file);
// Vite builds the renderer. Dependencies of main/CLI stay external (node_modules ships in the app).
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { apiMethodsPlugin } from './api-methods-plugin.mjs';
import { resolve } from 'node:path';

// LANDSCAPE_OUT lets parallel work trees build side by side (default: out/).
const out = resolve(process.env.LANDSCAPE_OUT ?? 'out');
rmSync(out, { recursive: true, force: true });

const node = {
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

await Promise.all([
  esbuild({ ...lazyEsm, entryPoints: { index: 'main/shell/index.ts' }, outdir: `${out}/main` }),
  esbuild({ ...lazyEsm, entryPoints: { landscape: 'main/cli/main.ts' }, outdir: `${out}/cli` }),
  // Sandboxed preloads cannot require npm packages: bundle everything but electron itself. The
  // preload only needs the contract's method names (the plugin), not zod and the request schemas.
  esbuild({ ...node, packages: undefined, external: ['electron'], plugins: [apiMethodsPlugin()], format: 'cjs', entryPoints: { preload: 'main/shell/preload.ts' }, outdir: `${out}/preload`, outExtension: { '.js': '.cjs' } }),
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: `${out}/renderer` } }),
]);
console.log(`built: ${out}/{main,preload,cli,renderer}`);
