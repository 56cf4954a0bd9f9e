import type { BuildOptions } from 'esbuild';

export const node: BuildOptions;
export function mainOptions(out: string): BuildOptions;
export function cliOptions(out: string): BuildOptions;
export function preloadOptions(out: string): BuildOptions;
