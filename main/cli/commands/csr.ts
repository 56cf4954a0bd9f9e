/** `landscape csr --key LABEL --cn CN [--o --ou --l --st --c --e --san … --server-auth] --out FILE`. */
import { EXIT, output, requireFlag, stringFlag, type CommandDef } from '../command';
import { writeFileSync } from 'node:fs';
import { outPath } from './material-format';

export const csrCommand: CommandDef = {
  name: 'csr',
  uses: ['material'],
  summary: 'Write a PKCS#10 request (clientAuth; serverAuth on request) for a key in the vault',
  usage: 'landscape csr --key LABEL --cn CN [--o O] [--ou OU] [--l L] [--st ST] [--c DE] [--e MAIL] [--san NAME …] [--server-auth] --out FILE [--json]',
  valueFlags: ['key', 'cn', 'o', 'ou', 'l', 'st', 'c', 'e', 'out'],
  repeatFlags: ['san'],
  async run(args, ctx) {
    const subject: Record<string, string> = { cn: requireFlag(args, 'cn') };
    for (const f of ['o', 'ou', 'l', 'st', 'c', 'e']) {
      const v = stringFlag(args, f);
      if (v !== undefined) subject[f] = v;
    }
    const file = outPath(args);
    const result = await ctx.services.material.createCsr({
      key: requireFlag(args, 'key'),
      subject: subject as { cn: string },
      sans: (args.flags.san as string[] | undefined) ?? [],
      serverAuth: args.flags['server-auth'] === true,
    });
    // A CSR is public: written where the user said.
    writeFileSync(file, result.csrPem);
    output(ctx, { ...result, path: file }, () => `wrote ${file} for key "${result.label}"\nsend it to your CA, then: landscape cert import <answer> --key "${result.label}"`);
    return EXIT.ok;
  },
};
