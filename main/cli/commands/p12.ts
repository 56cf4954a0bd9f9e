/**
 * `landscape p12 export --key LABEL --alias A --out FILE [--legacy] [--password-env VAR]`,
 * `landscape p12 import FILE --label L --password-env VAR`.
 * Without --password-env a keystore-grade password is generated and kept in the vault.
 */
import { EXIT, output, readSecretFlag, requireFlag, stringFlag, UsageError, type CommandDef } from '../command';
import { formatPairing, outPath, readInputFile } from './material-format';

export const p12Command: CommandDef = {
  name: 'p12',
  uses: ['material'],
  summary: 'Export a key pair as PKCS#12 for the Cloud Integration keystore, or import a .p12/.pfx',
  usage: [
    'landscape p12 export --key LABEL --alias ALIAS --out FILE [--legacy] [--password-env VAR] [--landscape NAME] [--json]',
    'landscape p12 import FILE --label LABEL --password-env VAR [--landscape NAME] [--json]',
  ].join('\n       '),
  valueFlags: ['key', 'alias', 'out', 'password-env', 'label', 'landscape'],
  async run(args, ctx) {
    const m = ctx.services.material;
    const password = await readSecretFlag(args, ctx, 'password-env');
    if (args.positionals[0] === 'export') {
      const r = await m.exportPkcs12({
        key: requireFlag(args, 'key'),
        alias: requireFlag(args, 'alias'),
        outPath: outPath(args),
        legacy: args.flags.legacy === true,
        ...(password !== undefined ? { password } : {}),
      });
      output(ctx, r, () =>
        [
          `wrote ${r.path} (${r.bytes} bytes, ${r.encryption} encryption, alias "${r.alias}", chain of ${r.chainLength})`,
          r.passwordCredentialId ? `the password is in the vault: landscape credentials reveal ${r.passwordCredentialId}` : 'password: the one you gave',
          'upload: Monitor → Manage Security → Keystore → Add → Key Pair',
        ].join('\n'),
      );
      return EXIT.ok;
    }
    if (args.positionals[0] === 'import') {
      if (password === undefined) throw new UsageError('p12 import needs --password-env VAR (or - for stdin)');
      const data = readInputFile(args.positionals[1]);
      const landscape = stringFlag(args, 'landscape');
      const r = await m.importPkcs12({ data, password, label: requireFlag(args, 'label'), ...(landscape ? { landscape } : {}) });
      output(ctx, r, () => `encryption: ${r.encryption.kind} (${r.encryption.algorithms.join(', ')}; MAC ${r.encryption.mac ?? 'none'})\n${formatPairing(r)}`);
      return EXIT.ok;
    }
    throw new UsageError('expected: p12 export|import');
  },
};
