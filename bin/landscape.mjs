#!/usr/bin/env node
// The CLI runs from the build (npm run build); the message says so instead of a stack trace.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../out/cli/landscape.mjs', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('landscape: the CLI is not built yet; run `npm run build` first\n');
  process.exit(2);
}
await import(entry);
