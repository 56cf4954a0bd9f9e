import { readFileSync } from 'node:fs';
import { UsageError, output, stringFlag, type CommandDef } from '../command';
import { ROUTE_FLAGS, ROUTE_USAGE, routeChoice } from '../route-flags';
import { exitCodeFor, formatResult } from './probe-format';

export const tlsCommand: CommandDef = {
  name: 'tls',
  uses: ['probes'],
  summary: 'TLS probe of HOST:PORT as a client: --as sender (default; OS trust + --ca) or --as ci (Cloud Integration: JSSE, only --ca trusted)',
  usage: `landscape tls HOST:PORT [--ca FILE] [--as ci|sender] [--deadline MS] ${ROUTE_USAGE} [--json]`,
  valueFlags: ['ca', 'deadline', 'as', ...ROUTE_FLAGS],
  async run(args, ctx) {
    const target = args.positionals[0];
    if (!target || args.positionals.length > 1) throw new UsageError('give exactly one HOST:PORT');
    const caFile = stringFlag(args, 'ca');
    let caPem = '';
    if (caFile) {
      try {
        caPem = readFileSync(caFile, 'utf8');
      } catch {
        throw new UsageError(`--ca: cannot read ${caFile}`);
      }
      if (!caPem.includes('BEGIN CERTIFICATE')) throw new UsageError(`--ca: ${caFile} holds no PEM certificate`);
    }
    const as = stringFlag(args, 'as') ?? 'sender';
    if (as !== 'ci' && as !== 'sender') throw new UsageError('--as takes ci or sender');
    if (as === 'ci' && !caFile) throw new UsageError('--as ci needs --ca FILE: the certificates the CI keystore holds (CI trusts nothing else)');
    const deadline = stringFlag(args, 'deadline');
    const ms = deadline === undefined ? undefined : Number(deadline);
    if (ms !== undefined && (!Number.isInteger(ms) || ms < 100)) throw new UsageError('--deadline takes milliseconds (≥ 100)');
    const route = routeChoice(args);
    let started;
    try {
      started = ctx.services.probes.tls(target, caPem, () => {}, ms, route ? { route, as } : { as });
    } catch (e) {
      if (e instanceof Error && 'code' in e && e.code === 'INVALID_TARGET') throw new UsageError(e.message);
      throw e;
    }
    const result = await started.done;
    output(ctx, result, () => formatResult(result, `TLS ${result.target.host}:${result.target.port}`));
    return exitCodeFor([result.verdict]);
  },
};
