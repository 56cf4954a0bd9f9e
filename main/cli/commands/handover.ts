/**
 * `landscape handover NAME [--json] [--out FILE]`: what must be created where, grouped by place,
 * as Markdown (or JSON) — secret-free, so it can go to the customer's admins as it is.
 * `landscape handover NAME --pack DIR [--include PATH]…`: the handover pack, one folder per place
 * with the files each needs; secret files (.p12) only when named with --include.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildHandover, renderHandoverMarkdown } from '../../../shared/landscape/handover';
import { EXIT, output, stringFlag, UsageError, type CommandDef } from '../command';

export const handoverCommand: CommandDef = {
  name: 'handover',
  uses: ['landscapes', 'vault'],
  summary: 'What must be created where (Markdown or JSON), or the handover pack with its files (--pack DIR)',
  usage: 'landscape handover NAME [--out FILE] [--json] | landscape handover NAME --pack DIR [--include PATH]… [--json]',
  valueFlags: ['out', 'pack'],
  repeatFlags: ['include'],
  async run(args, ctx) {
    const name = args.positionals[0];
    if (!name) throw new UsageError('handover needs the landscape name');
    const pack = stringFlag(args, 'pack');
    const include = (args.flags.include as string[] | undefined) ?? [];
    if (include.length && !pack) throw new UsageError('--include goes with --pack DIR');
    if (pack) {
      await ctx.services.load('evidence');
      const r = await ctx.services.evidence.writePack({ landscape: name, dir: resolve(pack), include });
      output(ctx, r, () =>
        [
          `handover pack written to ${r.target}`,
          ...r.files.map((f) => `  ${f.path}  sha256 ${f.sha256}${f.confidential ? '  (secret)' : ''}`),
          ...(r.p12PasswordLabel ? [`.p12 password: in the vault as "${r.p12PasswordLabel}" (not in the pack)`] : []),
          ...(r.pgpPassphraseLabel ? [`PGP secret keyring passphrase: in the vault as "${r.pgpPassphraseLabel}" (not in the pack)`] : []),
          ...(r.withheld.length ? ['secret files not included (add --include PATH to write one):', ...r.withheld.map((f) => `  ${f.path}  → ${f.place}`)] : []),
        ].join('\n'),
      );
      return EXIT.ok;
    }
    const handover = buildHandover(ctx.services.landscapes.get(name), await ctx.services.vault.list());
    const markdown = renderHandoverMarkdown(handover);
    const out = stringFlag(args, 'out');
    if (out) writeFileSync(resolve(out), markdown);
    output(ctx, out ? { ...handover, writtenTo: resolve(out) } : handover, () => (out ? `handover written to ${resolve(out)}` : markdown.trimEnd()));
    return EXIT.ok;
  },
};
