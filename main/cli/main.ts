/**
 * The CLI entry (bundled to out/cli/landscape.mjs): plain Node, the app's own services.
 */
import { homedir } from 'node:os';
import { createServices } from '../composition';
import { resolveDataDir } from '../services/data-dir';
import { createRedactor, silentLogger } from '../services/logger';
import { createConfBackend } from '../services/store/conf-backend';
import { loadKeytar } from '../services/vault/secret-backend';
import { runCli } from './run-cli';
import { chromiumPdfPrinter, findChromium } from '../services/evidence/pdf-printer';

const chromium = findChromium(process.env);

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const code = await runCli(
  process.argv.slice(2),
  {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    readStdin,
  },
  () =>
    createServices({
      dataDir: resolveDataDir({ env: process.env, platform: process.platform, homedir: homedir() }),
      platform: process.platform,
      loadSecretBackend: loadKeytar,
      log: silentLogger,
      redactor: createRedactor(),
      storeBackend: createConfBackend,
      env: process.env,
      ...(chromium ? { printPdf: chromiumPdfPrinter(chromium) } : {}),
    }),
);
process.exitCode = code;
