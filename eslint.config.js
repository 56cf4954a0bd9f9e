// Lint is where the layering lives (ARCHITECTURE.md): each folder may import only what its
// runtime has. test/unit/lint-layering.test.ts proves these rules reject a violation.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs', 'fs/promises', 'path', 'os', 'crypto', 'net', 'tls', 'http', 'https', 'child_process', 'url',
  'util', 'stream', 'events', 'buffer', 'dns', 'zlib', 'worker_threads', 'process', 'readline',
];

const noNode = [
  { group: ['node:*'], message: 'This layer runs without Node: no node:* imports.' },
  ...NODE_BUILTINS.map((name) => ({ group: [name], message: 'This layer runs without Node built-ins.' })),
];
const noElectron = [
  { group: ['electron', 'electron/*', 'electron-store'], message: "Only main/shell/ may import 'electron'." },
];

// `import { z } from 'zod'` (or the default import) is the whole namespace as one value: bundles
// keep every zod locale (≈ 585 KB that each CLI start parsed). `import * as z` lets esbuild keep only
// what is used. A syntax rule (no-restricted-imports would also refuse `import * as`); the renderer's
// own no-restricted-syntax list repeats it.
const zodNamespace = {
  selector: "ImportDeclaration[source.value='zod'][importKind!='type'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
  message: "Write `import * as z from 'zod'`: the `z` export drags every zod locale into the bundle.",
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'coverage/**', '.tmp/**', 'test/fixtures/lint/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': ['error', zodNamespace],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...noNode,
          ...noElectron,
          { group: ['**/main/**', '**/renderer/**', 'react', 'react-dom'], message: 'shared/ is pure: it imports only shared/ and pure packages.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...noNode, ...noElectron, { group: ['**/main/**'], message: 'The renderer reaches main only through window.api.' }],
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
      'no-restricted-syntax': ['error', zodNamespace, {
        selector: "MemberExpression[object.name='window'][property.name='api']",
        message: 'Only renderer/src/api.ts touches window.api.',
      }],
    },
  },
  {
    files: ['renderer/src/api.ts'],
    rules: { 'no-restricted-syntax': ['error', zodNamespace] },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/shell/**'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [...noElectron, { group: ['**/renderer/**'], message: 'main never imports the renderer.' }],
      }],
    },
  },
);
