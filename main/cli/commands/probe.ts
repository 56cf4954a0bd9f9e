import { EXIT, UsageError, output, requireFlag, stringFlag, type CommandDef } from '../command';
import type { ProbeResult } from '../../../shared/probe/probe-types';
import { ROUTE_FLAGS, ROUTE_USAGE, routeChoice } from '../route-flags';
import { exitCodeFor, formatResult } from './probe-format';

export const probeCommand: CommandDef = {
  name: 'probe',
  uses: ['probes'],
  summary: 'Probe a pathway of a landscape (or all of them) the way the real caller will see it',
  usage: `landscape probe --landscape NAME (--pathway N | --all) ${ROUTE_USAGE} [--json]`,
  valueFlags: ['landscape', 'pathway', ...ROUTE_FLAGS],
  async run(args, ctx) {
    const landscape = requireFlag(args, 'landscape');
    const all = args.flags.all === true;
    const n = stringFlag(args, 'pathway');
    if (all === (n !== undefined)) throw new UsageError('give either --pathway N or --all');
    const route = routeChoice(args);
    const opts = route ? { route } : {};
    let results: ProbeResult[];
    let numbers: number[];
    if (all) {
      const run = ctx.services.probes.startAll(landscape, () => {}, opts);
      numbers = run.probes.map((p) => p.pathwayNumber ?? 0);
      results = await run.done;
    } else {
      const number = Number(n);
      if (!Number.isInteger(number) || number < 1) throw new UsageError('--pathway takes a pathway number');
      numbers = [number];
      results = [await ctx.services.probes.start(landscape, number, () => {}, opts).done];
    }
    output(ctx, all ? { results: results.map((r, i) => ({ pathwayNumber: numbers[i], ...r })) } : results[0], () =>
      results.map((r, i) => formatResult(r, `Pathway ${numbers[i]}`)).join('\n\n'),
    );
    return results.length ? exitCodeFor(results.map((r) => r.verdict)) : EXIT.ok;
  },
};
