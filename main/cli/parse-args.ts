import { UsageError, type ParsedArgs } from './command';

/** Flags that would put a secret into argv (shell history, `ps`): refused with the right spelling. */
const SECRET_FLAGS = ['password', 'passphrase', 'secret', 'client-secret', 'token', 'key-password'];

export function parseArgs(argv: string[], valueFlags: string[] = [], repeatFlags: string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const flags: ParsedArgs['flags'] = {};
  const takesValue = new Set([...valueFlags, ...repeatFlags]);
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i] as string;
    if (token === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!token.startsWith('--') || token === '-') {
      positionals.push(token);
      continue;
    }
    const eq = token.indexOf('=');
    const name = token.slice(2, eq === -1 ? undefined : eq);
    if (SECRET_FLAGS.includes(name)) {
      throw new UsageError(`--${name} is not accepted: secrets never go on the command line; use --${name}-env VAR or stdin`);
    }
    let value: string | boolean = true;
    if (eq !== -1) value = token.slice(eq + 1);
    else if (takesValue.has(name)) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next !== '-')) throw new UsageError(`--${name} needs a value`);
      value = next;
      i++;
    }
    if (repeatFlags.includes(name)) {
      const list = (flags[name] as string[] | undefined) ?? [];
      list.push(String(value));
      flags[name] = list;
    } else flags[name] = value;
  }
  return { positionals, flags };
}
