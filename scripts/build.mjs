// Offline build: esbuild bundles main (ESM), the CLI (ESM) and the preload (one CommonJS file) with
// the options of build-options.mjs; Vite builds the renderer.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { cliOptions, mainOptions, preloadOptions } from './build-options.mjs';

// LANDSCAPE_OUT lets parallel work trees build side by side (default: out/).
const out = resolve(process.env.LANDSCAPE_OUT ?? 'out');
rmSync(out, { recursive: true, force: true });

await Promise.all([
  esbuild(mainOptions(out)),
  esbuild(cliOptions(out)),
  esbuild(preloadOptions(out)),
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn', build: { outDir: `${out}/renderer` } }),
]);
console.log(`built: ${out}/{main,preload,cli,renderer}`);
