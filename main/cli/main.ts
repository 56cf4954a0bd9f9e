/**
 * The CLI entry (bundled to out/cli/landscape.mjs): plain Node, the app's own services.
 */
import { homedir } from 'node:os';
import { createServices } from '../composition';
import { resolveDataDir } from '../services/data-dir';
import { createRedactor, silentLogger } from '../services/logger';
import { createFileBackend } from '../services/store/file-backend';
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
  async (uses) => {
    const services = createServices({
      dataDir: resolveDataDir({ env: process.env, platform: process.platform, homedir: homedir() }),
      platform: process.platform,
      loadSecretBackend: loadKeytar,
      log: silentLogger,
      redactor: createRedactor(),
      storeBackend: createFileBackend,
      env: process.env,
      ...(chromium ? { printPdf: chromiumPdfPrinter(chromium) } : {}),
    });
    // Only the modules of the services this command reads: a fast start (see composition.ts).
    if (uses === undefined) await services.load();
    else if (uses.length > 0) await services.load(...uses);
    return services;
  },
);
process.exitCode = code;
