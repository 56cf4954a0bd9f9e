import { EXIT, UsageError, output, stringFlag, type CommandDef } from '../command';
import { parseTarget } from '../../../shared/probe/probe-target';
import { formatScan } from './sftp-smtp-format';

export const sshScanCommand: CommandDef = {
  name: 'ssh-scan',
  uses: ['hostKeys'],
  summary: 'Read an SSH server’s host key (like ssh-keyscan) with its SHA256 fingerprint, the known_hosts line and CI’s verdict',
  usage: 'landscape ssh-scan HOST[:PORT] [--landscape NAME] [--deadline MS] [--json]',
  valueFlags: ['landscape', 'deadline'],
  async run(args, ctx) {
    const target = args.positionals[0];
    if (!target || args.positionals.length > 1) throw new UsageError('give exactly one HOST[:PORT]');
    const parsed = parseTarget(target, 22);
    if ('error' in parsed) throw new UsageError(parsed.error);
    const deadline = stringFlag(args, 'deadline');
    const ms = deadline === undefined ? undefined : Number(deadline);
    if (ms !== undefined && (!Number.isInteger(ms) || ms < 100)) throw new UsageError('--deadline takes milliseconds (≥ 100)');
    let result;
    try {
      result = await ctx.services.hostKeys.scan({ host: parsed.host, port: parsed.port, landscape: stringFlag(args, 'landscape'), deadlineMs: ms });
    } catch (e) {
      if (e instanceof Error && 'code' in e && e.code === 'NOT_FOUND') throw e;
      ctx.stderr(`ssh-scan: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.failed;
    }
    output(ctx, result, () => formatScan(result));
    return EXIT.ok;
  },
};
