/**
 * What each start loads, on the bundles scripts/build.mjs makes (same options, build-options.mjs):
 * - the Electron main process creates its window from what its entry imports statically (the
 *   dispatcher, zod, the schemas and every service load behind it, by dynamic import), so that
 *   static closure must hold no npm package but electron and no zod, crypto, probe or IPC schema;
 * - `landscape --help`, `landscape info --json` and `landscape landscapes list --json`, run from a
 *   fresh build with a module-load hook, load only the CLI core, the landscapes and vault services
 *   and zod: never forge, x509, ssh2, openpgp, the probes, the lock library or the other commands.
 * Speed itself is measured by `npm run bench -- cli`, never here.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOptions, mainOptions } from '../../../scripts/build-options.mjs';

const ROOT = resolve(import.meta.dirname, '../../..');
// Inside the repository: the bundles resolve their external packages from its node_modules.
mkdirSync(join(ROOT, '.tmp'), { recursive: true });
const out = mkdtempSync(join(ROOT, '.tmp', 'start-up-'));
let mainMeta: Metafile;
let cliMeta: Metafile;

beforeAll(async () => {
  const opts = { absWorkingDir: ROOT, metafile: true, sourcemap: false, logLevel: 'silent' } as const;
  const [m, c] = await Promise.all([build({ ...mainOptions(out), ...opts }), build({ ...cliOptions(out), ...opts })]);
  mainMeta = m.metafile!;
  cliMeta = c.metafile!;
}, 120_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

/** The source files and external packages of these output files. */
function contents(meta: Metafile, outputs: Iterable<string>) {
  const inputs = new Set<string>();
  const packages = new Set<string>();
  for (const o of outputs) {
    for (const i of Object.keys(meta.outputs[o]!.inputs)) inputs.add(i);
    for (const i of meta.outputs[o]!.imports) if (i.external && i.kind === 'import-statement' && !i.path.startsWith('node:')) packages.add(i.path);
  }
  return { inputs: [...inputs], packages: [...packages] };
}

/** Output files an entry loads before its first line runs: its static imports, transitively. */
function staticClosure(meta: Metafile, entry: string): string[] {
  const start = Object.keys(meta.outputs).find((o) => meta.outputs[o]!.entryPoint === entry)!;
  const seen = new Set<string>();
  const walk = (o: string) => {
    if (seen.has(o)) return;
    seen.add(o);
    for (const i of meta.outputs[o]!.imports) if (i.kind === 'import-statement' && !i.external) walk(i.path);
  };
  walk(start);
  return [...seen];
}

/** Runs the built CLI with a hook that records every module it loads; returns the loaded outputs. */
function cliLoads(args: string[], home: string): { outputs: string[]; packages: string[] } {
  const hooks = join(out, 'hooks.mjs');
  writeFileSync(hooks, "import { writeSync } from 'node:fs';\nexport async function load(url, c, next) { writeSync(2, `LOADED ${url}\\n`); return next(url, c); }\n");
  const register = join(out, 'register.mjs');
  // ES modules through the load hook, CommonJS ones (proper-lockfile, keytar) from the require cache.
  writeFileSync(
    register,
    [
      "import { createRequire, register } from 'node:module';",
      "import { writeSync } from 'node:fs';",
      "import { pathToFileURL } from 'node:url';",
      `register(${JSON.stringify(pathToFileURL(hooks).href)});`,
      "process.on('exit', () => { for (const f of Object.keys(createRequire(import.meta.url).cache)) writeSync(2, `LOADED ${pathToFileURL(f).href}\\n`); });",
    ].join('\n'),
  );
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, join(out, 'cli/landscape.mjs'), ...args], {
    env: { ...process.env, LANDSCAPE_HOME: home },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const urls = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
  const byUrl = new Map(Object.keys(cliMeta.outputs).map((o) => [pathToFileURL(resolve(ROOT, o)).href, o]));
  const outputs = urls.flatMap((u) => (byUrl.has(u) ? [byUrl.get(u)!] : []));
  const packages = urls.filter((u) => u.includes('/node_modules/')).map((u) => u.replace(/.*\/node_modules\/((@[^/]+\/)?[^/]+).*/, '$1'));
  expect(outputs.length).toBeGreaterThan(0);
  return { outputs, packages: [...new Set(packages)] };
}

const HEAVY = /node_modules\/(?!zod\/)|main\/services\/(probes|material|pgp|bundle|evidence\/(?!pdf-printer)|trust|iflow|network)\/|main\/cli\/commands\/(?!info|landscapes|index)/;

describe('the Electron main process before its window', () => {
  it('imports no npm package but electron, and no zod, schema, dispatcher or service module', () => {
    const { inputs, packages } = contents(mainMeta, staticClosure(mainMeta, 'main/shell/index.ts'));
    expect(packages).toEqual(['electron']);
    expect(inputs.filter((i) => i.startsWith('node_modules/'))).toEqual([]);
    expect(inputs.filter((i) => /^shared\/ipc\/.*-channels\.ts$|^main\/ipc\/(handlers|dispatcher)|^main\/services\/(?!vault\/(secret-store|keychain-lock|keychain-status|secret-backend)|store\/file-backend|app-info|logger|data-dir|user-paths)/.test(i))).toEqual([]);
    // The registrar registers every channel from the names alone (the api-methods plugin).
    expect(inputs.filter((i) => /^api-methods:.*shared\/ipc\/contract\.ts$/.test(i))).toHaveLength(1);
    expect(inputs).toContain('main/shell/create-window.ts');
  });

  it('loads the dispatcher with the real contract, zod and every request schema behind the window', () => {
    const dispatcher = Object.keys(mainMeta.outputs).filter((o) => /main\/ipc\/(handlers|dispatcher)\.ts$/.test(mainMeta.outputs[o]!.entryPoint ?? ''));
    expect(dispatcher).toHaveLength(2);
    const { inputs } = contents(mainMeta, dispatcher.flatMap((d) => staticClosure(mainMeta, mainMeta.outputs[d]!.entryPoint!)));
    expect(inputs).toContain('shared/ipc/contract.ts');
    expect(inputs.some((i) => i.startsWith('node_modules/zod/'))).toBe(true);
  });
});

describe('package.json in the bundles', () => {
  it('only its version: no scripts, dependency pins or build settings in the main process or the CLI', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; devDependencies: Record<string, string> };
    const texts = Object.keys({ ...mainMeta.outputs, ...cliMeta.outputs }).filter((o) => o.endsWith('.mjs')).map((o) => readFileSync(resolve(ROOT, o), 'utf8'));
    expect(texts.some((t) => t.includes(`"${pkg.version}"`))).toBe(true);
    for (const t of texts) {
      expect(t).not.toContain('devDependencies');
      expect(t).not.toContain(`"electron-builder": "${pkg.devDependencies['electron-builder']}"`);
    }
  });
});

describe('CLI start-up', () => {
  const home = mkdtempSync(join(tmpdir(), 'landscape-start-up-home-'));
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('--help loads no command, no lazy service, no zod and no npm package', () => {
    const { outputs, packages } = cliLoads(['--help'], home);
    expect(packages).toEqual([]);
    const lazy = /node_modules|main\/services\/(landscapes|store\/document-store|vault\/compose-vault)|main\/cli\/commands\/(?!index)/;
    expect(contents(cliMeta, outputs).inputs.filter((i) => lazy.test(i) || HEAVY.test(i))).toEqual([]);
  });

  it('landscapes new loads what it writes with (the lock library among them)', () => {
    const { packages } = cliLoads(['landscapes', 'new', '--template', 's4-sscv2', '--name', 'Start-up'], home);
    expect(packages).toContain('proper-lockfile');
  });

  it.each([
    [['info', '--json'], ['@github/keytar']],
    [['landscapes', 'list', '--json'], []],
  ])('%j loads the stores, zod and no heavy module', (args, expected) => {
    const { outputs, packages } = cliLoads(args, home);
    expect(packages).toEqual(expected);
    const { inputs } = contents(cliMeta, outputs);
    expect(inputs.filter((i) => HEAVY.test(i))).toEqual([]);
    // The document is still validated: zod and the landscape schema are loaded.
    expect(inputs.some((i) => i.startsWith('node_modules/zod/'))).toBe(true);
    expect(inputs).toContain('shared/landscape/landscape-schema.ts');
    // Only the English messages: `import { z }` (lint refuses it) would bring all 64 locales.
    expect(inputs.filter((i) => /zod\/v4\/locales\/(?!en\.js)/.test(i))).toEqual([]);
  });
});
