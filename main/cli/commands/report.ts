/**
 * `landscape report NAME --out FILE.html [--pdf FILE.pdf] [--by NAME] [--note TEXT]
 *  [--sign LABEL --sig FILE.p7s] [--json]`: the evidence report from the last probes, with its JSON
 * twin (FILE.json), SHA-256 (FILE.html.sha256), optional PDF (Chromium) and detached CMS signature.
 */
import { resolve } from 'node:path';
import { EXIT, output, requireFlag, stringFlag, UsageError, type CommandDef } from '../command';

export const reportCommand: CommandDef = {
  name: 'report',
  uses: ['evidence'],
  summary: 'Evidence report of the last probes: self-contained HTML, JSON twin, PDF, SHA-256, optional CMS signature',
  usage: 'landscape report NAME --out FILE.html [--pdf FILE.pdf] [--by NAME] [--note TEXT] [--sign LABEL --sig FILE.p7s] [--json]',
  valueFlags: ['out', 'pdf', 'by', 'note', 'sign', 'sig'],
  async run(args, ctx) {
    const name = args.positionals[0];
    if (!name) throw new UsageError('report needs the landscape name');
    const out = resolve(requireFlag(args, 'out'));
    const pdf = stringFlag(args, 'pdf');
    const sign = stringFlag(args, 'sign');
    const sig = stringFlag(args, 'sig');
    if (!!sign !== !!sig) throw new UsageError('--sign LABEL and --sig FILE.p7s go together');
    const by = stringFlag(args, 'by');
    const note = stringFlag(args, 'note');
    const r = await ctx.services.evidence.writeReport({
      landscape: name,
      htmlPath: out,
      ...(pdf ? { pdfPath: resolve(pdf) } : {}),
      ...(by ? { by } : {}),
      ...(note ? { note } : {}),
      ...(sign && sig ? { sign: { credential: sign, sigPath: resolve(sig) } } : {}),
    });
    output(ctx, r, () =>
      [
        `report written to ${r.htmlPath} (JSON twin ${r.jsonPath})`,
        `SHA-256 ${r.sha256} (also in ${r.sha256Path})`,
        ...(r.pdfPath ? [`PDF written to ${r.pdfPath} (${r.pdfBytes} bytes)`] : []),
        ...(r.signature ? [`signed by ${r.signature.signer}: ${r.signature.path}`, `verify: ${r.signature.verify}`] : []),
        `${r.summary.passed} passed, ${r.summary.warning} warning, ${r.summary.failed} failed, ${r.summary.notProbed} not probed`,
      ].join('\n'),
    );
    return EXIT.ok;
  },
};
