import type { Plugin } from 'esbuild';

type MethodTable = Record<string, { method: string }>;

export function readApiMethods(contractPath: string): Promise<{ contract: MethodTable; events: MethodTable }>;
export function apiMethodsPlugin(): Plugin;
