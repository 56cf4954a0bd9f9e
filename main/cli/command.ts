/**
 * The CLI's conventions, shared by every command:
 * - `--json` prints only JSON on stdout (one document); human text otherwise.
 * - Secrets never come from argv: `--password-env VAR`, `--passphrase-env VAR`, or stdin.
 * - Exit 0 = success / check passed, 1 = failed or refused, 2 = usage error.
 * - Errors are one clear line on stderr.
 */
import type { ServiceName, Services } from '../composition';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  readStdin: () => Promise<string>;
}

export interface CliContext extends CliIo {
  services: Services;
  json: boolean;
}

export interface ParsedArgs {
  positionals: string[];
  flags: Record<string, string | boolean | string[]>;
}

export interface CommandDef {
  /** e.g. 'info' or 'landscapes' (sub-commands are the first positional). */
  name: string;
  summary: string;
  usage: string;
  /** Flags that take a value; every other flag is boolean. */
  valueFlags?: string[];
  /** Flags that may repeat (collected into arrays). */
  repeatFlags?: string[];
  /**
   * The services `run` reads; only their modules are loaded (a fast start). Leave it out and every
   * service is loaded. A sub-command that needs more awaits `ctx.services.load(name)` itself.
   */
  uses?: ServiceName[];
  run(args: ParsedArgs, ctx: CliContext): Promise<number>;
}

/** An entry of commands/index.ts: enough for `--help`; the module is imported only to run it. */
export interface CommandEntry {
  name: string;
  summary: string;
  load: () => Promise<CommandDef>;
}

export class UsageError extends Error {}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Prints `value` as JSON with --json, or the human text otherwise. */
export function output(ctx: CliContext, value: unknown, human: () => string): void {
  ctx.stdout(ctx.json ? JSON.stringify(value, null, 2) + '\n' : human() + '\n');
}

/** Reads a secret the allowed ways: from the named environment variable, or from stdin with '-'. */
export async function readSecretFlag(args: ParsedArgs, ctx: CliContext, flag: string): Promise<string | undefined> {
  const name = args.flags[flag];
  if (name === undefined) return undefined;
  if (typeof name !== 'string') throw new UsageError(`--${flag} takes the name of an environment variable, or - for stdin`);
  if (name === '-') return (await ctx.readStdin()).replace(/\r?\n$/, '');
  const value = ctx.env[name];
  if (value === undefined) throw new UsageError(`--${flag}: environment variable ${name} is not set`);
  return value;
}

export function stringFlag(args: ParsedArgs, flag: string): string | undefined {
  const v = args.flags[flag];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new UsageError(`--${flag} needs a value`);
  return v;
}

export function requireFlag(args: ParsedArgs, flag: string): string {
  const v = stringFlag(args, flag);
  if (v === undefined) throw new UsageError(`--${flag} is required`);
  return v;
}
