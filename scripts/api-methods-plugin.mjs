/**
 * esbuild plugin for the preload and the e2e test bridge: shared/ipc/contract.ts is replaced by its
 * channel and event names with their `window.api` method names, read from the real contract at
 * build time. buildApi() needs nothing else, and the full contract drags zod and every request
 * schema in (≈800 KB evaluated before each page script); main's dispatcher still validates every
 * request with the real schemas.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';

const CONTRACT = /[\\/]shared[\\/]ipc[\\/]contract\.ts$/;

/** Evaluates the contract (bundled with zod) and keeps `{ method }` of each channel and event. */
export async function readApiMethods(contractPath) {
  const bundled = await build({
    entryPoints: [contractPath],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__apiContract',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const mod = new Function(`${bundled.outputFiles[0].text}\nreturn __apiContract;`)();
  const methodsOf = (defs) => Object.fromEntries(Object.entries(defs).map(([name, def]) => [name, { method: def.method }]));
  return { contract: methodsOf(mod.contract), events: methodsOf(mod.events) };
}

/**
 * `importers` (a RegExp over the importing file) limits the swap to those files: main's IPC
 * registrar needs only the channel names to register before the window shows, while the
 * dispatcher, loaded behind the window, imports the real contract with its schemas.
 */
export function apiMethodsPlugin({ importers } = {}) {
  const names = async (path) => {
    const { contract, events } = await readApiMethods(path);
    return {
      contents: `export const contract = ${JSON.stringify(contract)};\nexport const events = ${JSON.stringify(events)};\n`,
      loader: 'js',
      watchFiles: [path],
    };
  };
  return {
    name: 'api-methods',
    setup(b) {
      if (!importers) {
        b.onLoad({ filter: CONTRACT }, (args) => names(args.path));
        return;
      }
      b.onResolve({ filter: /[\\/]contract(\.ts)?$/ }, (args) => {
        const path = resolve(args.resolveDir, args.path.endsWith('.ts') ? args.path : `${args.path}.ts`);
        return importers.test(args.importer) && CONTRACT.test(path) ? { path, namespace: 'api-methods' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'api-methods' }, (args) => names(args.path));
    },
  };
}
