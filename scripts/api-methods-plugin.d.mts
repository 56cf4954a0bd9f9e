import type { Plugin } from 'esbuild';

type MethodTable = Record<string, { method: string }>;

export function readApiMethods(contractPath: string): Promise<{ contract: MethodTable; events: MethodTable }>;
/** `importers`: swap the contract only for imports from these files (default: every import). */
export function apiMethodsPlugin(options?: { importers?: RegExp }): Plugin;
