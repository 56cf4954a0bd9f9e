/**
 * The CLI's dispatcher: finds the command, parses its flags, runs it over the same services as the
 * app, and maps every outcome to the exit-code convention (see command.ts).
 */
import { isAppError } from '../../shared/result';
import type { ServiceName, Services } from '../composition';
import { EXIT, UsageError, type CliIo, type CommandDef, type CommandEntry } from './command';
import { commands as allCommands } from './commands/index';
import { parseArgs } from './parse-args';

/** A command as listed (loaded on use) or already in hand (tests pass modules directly). */
export type CommandSource = CommandDef | CommandEntry;

/** Builds the services a command reads (`uses`; undefined = all of them). */
export type MakeServices = (uses?: ServiceName[]) => Services | Promise<Services>;

export function helpText(commands: Array<Pick<CommandDef, 'name' | 'summary'>>): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Landscape Setup — prepare and probe SAP Cloud Integration pathways',
    '',
    'Usage: landscape <command> [options]   (npm run --silent landscape -- <command> …)',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Common options: --json (JSON only on stdout), --help',
    'Secrets are never read from arguments: use --password-env VAR, --passphrase-env VAR or stdin (-).',
    'Exit codes: 0 success, 1 failed or refused, 2 usage error. Data: $LANDSCAPE_HOME.',
  ].join('\n');
}

export async function runCli(
  argv: string[],
  io: CliIo,
  makeServices: MakeServices,
  commands: CommandSource[] = allCommands,
): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(helpText(commands) + '\n');
    return name ? EXIT.ok : EXIT.usage;
  }
  const listed = commands.find((c) => c.name === name);
  if (!listed) {
    io.stderr(`landscape: unknown command "${name}" (see landscape --help)\n`);
    return EXIT.usage;
  }
  const command = 'load' in listed ? await listed.load() : listed;
  try {
    const args = parseArgs(rest, command.valueFlags, command.repeatFlags);
    if (args.flags.help) {
      io.stdout(`${command.usage}\n\n${command.summary}\n`);
      return EXIT.ok;
    }
    const services = await makeServices(command.uses);
    return await command.run(args, { ...io, services, json: args.flags.json === true });
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`landscape ${name}: ${e.message}\nusage: ${command.usage}\n`);
      return EXIT.usage;
    }
    if (isAppError(e)) {
      io.stderr(`landscape ${name}: ${e.message}${e.field ? ` (${e.field})` : ''}\n`);
      return EXIT.failed;
    }
    io.stderr(`landscape ${name}: unexpected error: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.failed;
  }
}
