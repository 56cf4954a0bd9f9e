/**
 * The layering lives in eslint.config.js; this proves the lint really rejects each kind of
 * violation (and accepts the allowed imports), by linting snippets as if they sat in each folder.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint enforces the layers', () => {
  it.each([
    ['shared/landscape/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n", 'no-restricted-imports'],
    ['shared/landscape/x.ts', "import { join } from 'path';\nexport const x = join;\n", 'no-restricted-imports'],
    ['shared/landscape/x.ts', "import { app } from 'electron';\nexport const x = app;\n", 'no-restricted-imports'],
    ['shared/landscape/x.ts', "import { createServices } from '../../main/composition';\nexport const x = createServices;\n", 'no-restricted-imports'],
    ['shared/landscape/x.ts', 'export const x = () => window.location.href;\n', 'no-restricted-globals'],
    ['shared/landscape/x.ts', 'export const x = () => document.title;\n', 'no-restricted-globals'],
    ['renderer/src/views/x.ts', "import { readFile } from 'node:fs/promises';\nexport const x = readFile;\n", 'no-restricted-imports'],
    ['renderer/src/views/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n", 'no-restricted-imports'],
    ['renderer/src/views/x.ts', "import { createServices } from '../../../main/composition';\nexport const x = createServices;\n", 'no-restricted-imports'],
    ['renderer/src/views/x.ts', 'export const x = () => window.api;\n', 'no-restricted-syntax'],
    ['main/services/x.ts', "import { app } from 'electron';\nexport const x = app;\n", 'no-restricted-imports'],
    ['main/services/x.ts', "import Store from 'electron-store';\nexport const x = Store;\n", 'no-restricted-imports'],
    ['main/cli/x.ts', "import { shell } from 'electron';\nexport const x = shell;\n", 'no-restricted-imports'],
    ['shared/landscape/x.ts', "import { z } from 'zod';\nexport const x = z.string();\n", 'no-restricted-syntax'],
    ['main/services/x.ts', "import z from 'zod';\nexport const x = z.string();\n", 'no-restricted-syntax'],
    ['renderer/src/views/x.ts', "import { z } from 'zod';\nexport const x = z.string();\n", 'no-restricted-syntax'],
    ['scripts/x.ts', "import { z } from 'zod';\nexport const x = z.string();\n", 'no-restricted-syntax'],
  ])('%s: rejects a violation (%#)', async (file, code, rule) => {
    expect(await ruleIds(file, code)).toContain(rule);
  });

  it.each([
    ['shared/landscape/x.ts', "import * as z from 'zod';\nexport const x = z.string();\n"],
    ['main/services/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['main/shell/x.ts', "import { app } from 'electron';\nexport const x = app;\n"],
    ['renderer/src/api.ts', 'export const x = () => window.api;\n'],
  ])('%s: allows what the layer may use', async (file, code) => {
    expect(await ruleIds(file, code)).toEqual([]);
  });
});
