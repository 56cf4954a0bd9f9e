import { EXIT, UsageError, output, stringFlag, type CommandDef } from '../command';
import { parseTarget } from '../../../shared/probe/probe-target';
import { diagnose } from '../../../shared/probe/diagnosis';
import { openTunnel } from '../../services/probes/net/connect';
import { ProbeFailure } from '../../services/probes/probe-failure';
import type { SshScanResult } from '../../services/probes/sftp/ssh-scan';
import { describeRoute } from '../../services/probes/net/route';
import { RouteFailure } from '../../services/network/route-failure';
import { ROUTE_FLAGS, ROUTE_USAGE, routeChoice } from '../route-flags';
import { formatScan } from './sftp-smtp-format';

export const sshScanCommand: CommandDef = {
  name: 'ssh-scan',
  uses: ['hostKeys', 'landscapes', 'routes'],
  summary: 'Read an SSH server’s host key (like ssh-keyscan) with its SHA256 fingerprint, the known_hosts line and CI’s verdict',
  usage: `landscape ssh-scan HOST[:PORT] [--landscape NAME] [--deadline MS] ${ROUTE_USAGE} [--json]`,
  valueFlags: ['landscape', 'deadline', ...ROUTE_FLAGS],
  async run(args, ctx) {
    const target = args.positionals[0];
    if (!target || args.positionals.length > 1) throw new UsageError('give exactly one HOST[:PORT]');
    const parsed = parseTarget(target, 22);
    if ('error' in parsed) throw new UsageError(parsed.error);
    const deadline = stringFlag(args, 'deadline');
    const ms = deadline === undefined ? undefined : Number(deadline);
    if (ms !== undefined && (!Number.isInteger(ms) || ms < 100)) throw new UsageError('--deadline takes milliseconds (≥ 100)');
    const override = routeChoice(args);
    const landscape = stringFlag(args, 'landscape');
    const choice = override ?? (landscape ? ctx.services.landscapes.get(landscape).network : undefined) ?? { mode: 'system' as const };
    let result: SshScanResult & { route: string };
    try {
      const route = await ctx.services.routes.resolve({ host: parsed.host, port: parsed.port }, choice, override ? 'command line' : 'landscape');
      const openSocket = route.kind === 'proxy' ? (signal: AbortSignal) => openTunnel(route, parsed.host, parsed.port, signal, () => {}, () => {}) : undefined;
      result = { ...(await ctx.services.hostKeys.scan({ host: parsed.host, port: parsed.port, landscape, deadlineMs: ms, ...(openSocket ? { openSocket } : {}) })), route: describeRoute(route) };
    } catch (e) {
      if (e instanceof Error && 'code' in e && e.code === 'NOT_FOUND') throw e;
      if (e instanceof RouteFailure || e instanceof ProbeFailure) {
        const f = e instanceof ProbeFailure ? e.finding : diagnose(e.code, e.vars);
        ctx.stderr(`ssh-scan: ${f.message} ${f.fix}\n`);
        return EXIT.failed;
      }
      ctx.stderr(`ssh-scan: ${e instanceof Error ? e.message : String(e)}\n`);
      return EXIT.failed;
    }
    output(ctx, result, () => formatScan(result));
    return EXIT.ok;
  },
};
