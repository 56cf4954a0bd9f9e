/**
 * `landscape handover NAME [--json] [--out FILE]`: what must be created where, grouped by place,
 * as Markdown (or JSON) — secret-free, so it can go to the customer's admins as it is.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildHandover, renderHandoverMarkdown } from '../../../shared/landscape/handover';
import { EXIT, output, stringFlag, UsageError, type CommandDef } from '../command';

export const handoverCommand: CommandDef = {
  name: 'handover',
  summary: 'What must be created where (BTP cockpit, CI Monitor, each system), as Markdown or JSON',
  usage: 'landscape handover NAME [--out FILE] [--json]',
  valueFlags: ['out'],
  async run(args, ctx) {
    const name = args.positionals[0];
    if (!name) throw new UsageError('handover needs the landscape name');
    const handover = buildHandover(ctx.services.landscapes.get(name));
    const markdown = renderHandoverMarkdown(handover);
    const out = stringFlag(args, 'out');
    if (out) writeFileSync(resolve(out), markdown);
    output(ctx, out ? { ...handover, writtenTo: resolve(out) } : handover, () => (out ? `handover written to ${resolve(out)}` : markdown.trimEnd()));
    return EXIT.ok;
  },
};
