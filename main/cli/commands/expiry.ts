/**
 * `landscape expiry [NAME|--all] [--within DAYS] [--ics FILE] [--json]`: the expiry radar —
 * every certificate and key the landscape depends on, soonest first, with the pathways it would
 * break, the side holding it and what to renew where. Exit 1 when something is within 14 days.
 */
import { resolve } from 'node:path';
import { daysText, dueWithin, EXPIRY_THRESHOLDS, SIDE_LABELS, type ExpiryItem } from '../../../shared/evidence/expiry';
import { EXIT, output, stringFlag, UsageError, type CommandDef } from '../command';

function line(i: ExpiryItem): string {
  const when = i.notAfter ? i.notAfter.slice(0, 10) : '—';
  return `${daysText(i.daysLeft).padEnd(22)} ${when}  ${i.title} [${i.landscape}; pathways ${i.pathways.join(', ') || '—'}; ${SIDE_LABELS[i.side]}]\n${' '.repeat(35)}renew: ${i.renew}`;
}

export const expiryCommand: CommandDef = {
  name: 'expiry',
  uses: ['evidence'],
  summary: 'Expiry radar: certificates and keys of a landscape (or all), soonest first, with what to renew where',
  usage: 'landscape expiry [NAME | --all] [--within DAYS] [--ics FILE] [--json]',
  valueFlags: ['within', 'ics'],
  async run(args, ctx) {
    const name = args.positionals[0];
    const all = args.flags.all === true;
    if (!!name === all) throw new UsageError('give a landscape NAME or --all');
    const withinText = stringFlag(args, 'within');
    const within = withinText === undefined ? undefined : Number(withinText);
    if (within !== undefined && (!Number.isInteger(within) || within < 0)) throw new UsageError('--within takes a number of days');
    let items = all ? await ctx.services.evidence.expiryAll() : await ctx.services.evidence.expiry(name!);
    if (within !== undefined) items = dueWithin(items, within);
    const ics = stringFlag(args, 'ics');
    const calendar = ics ? ctx.services.evidence.writeCalendar(items, resolve(ics)) : undefined;
    output(ctx, { items, ...(calendar ? { calendar } : {}) }, () =>
      [items.length ? items.map(line).join('\n') : 'Nothing with an expiry date found.', ...(calendar ? [`calendar written to ${calendar.path} (${calendar.events} reminders)`] : [])].join('\n'),
    );
    return items.some((i) => i.daysLeft !== undefined && i.daysLeft <= EXPIRY_THRESHOLDS.critical) ? EXIT.failed : EXIT.ok;
  },
};
