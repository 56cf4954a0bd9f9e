#!/usr/bin/env node
// The CLI runs from the build (npm run build); the message says so instead of a stack trace.
// LANDSCAPE_OUT points at another build folder (parallel work trees); out/ by default.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const outDir = process.env.LANDSCAPE_OUT ?? fileURLToPath(new URL('../out', import.meta.url));
const entry = resolve(outDir, 'cli', 'landscape.mjs');
if (!existsSync(entry)) {
  process.stderr.write('landscape: the CLI is not built yet; run `npm run build` first\n');
  process.exit(2);
}
await import(pathToFileURL(entry).href);
