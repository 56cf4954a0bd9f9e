import { EXIT, UsageError, output, requireFlag, stringFlag, type CommandDef } from '../command';
import type { ProbeResult } from '../../../shared/probe/probe-types';
import { exitCodeFor, formatResult } from './probe-format';

export const probeCommand: CommandDef = {
  name: 'probe',
  summary: 'Probe a pathway of a landscape (or all of them) the way the real caller will see it',
  usage: 'landscape probe --landscape NAME (--pathway N | --all) [--json]',
  valueFlags: ['landscape', 'pathway'],
  async run(args, ctx) {
    const landscape = requireFlag(args, 'landscape');
    const all = args.flags.all === true;
    const n = stringFlag(args, 'pathway');
    if (all === (n !== undefined)) throw new UsageError('give either --pathway N or --all');
    let results: ProbeResult[];
    if (all) {
      results = await ctx.services.probes.startAll(landscape, () => {}).done;
    } else {
      const number = Number(n);
      if (!Number.isInteger(number) || number < 1) throw new UsageError('--pathway takes a pathway number');
      results = [await ctx.services.probes.start(landscape, number, () => {}).done];
    }
    output(ctx, all ? { results } : results[0], () =>
      results.map((r, i) => formatResult(r, `Pathway ${all ? i + 1 : n}`)).join('\n\n'),
    );
    return results.length ? exitCodeFor(results.map((r) => r.verdict)) : EXIT.ok;
  },
};
