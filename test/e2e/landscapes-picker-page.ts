/**
 * Builds a page that shows only the LandscapePicker (with a selection holder around it), in the
 * folder layout the harness serves (<out>/renderer/index.html). The picker is tested on its own
 * until the landscape view places it; the real preload is replaced by the harness bridge as usual.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

export async function buildPickerPage(out: string): Promise<void> {
  const dir = join(out, 'renderer');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `import { createElement, useState } from 'react';`,
      `import { createRoot } from 'react-dom/client';`,
      `import { LandscapePicker } from ${JSON.stringify(resolve(import.meta.dirname, '../../renderer/src/views/landscapes/LandscapePicker.tsx'))};`,
      `function Holder() {`,
      `  const [id, setId] = useState<string | null>(null);`,
      `  return createElement('div', null, createElement(LandscapePicker, { selectedId: id, onSelect: setId }), createElement('p', { 'data-testid': 'selected' }, id ?? 'none'));`,
      `}`,
      `createRoot(document.getElementById('root')!).render(createElement(Holder));`,
    ].join('\n'),
  );
  await build({
    entryPoints: [entry],
    outfile: join(dir, 'picker.js'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Landscapes</title></head><body><div id="root"></div><script type="module" src="./picker.js"></script></body></html>\n',
  );
}
