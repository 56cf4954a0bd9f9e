/**
 * `landscape cert import FILE [--key LABEL] [--label L] [--passphrase-env VAR] [--landscape NAME]`,
 * `cert lint [FILE | --landscape NAME]`, `cert export-leaf REF --out FILE`,
 * `cert export-ca FILE --out FILE [--der]`, `cert test-ca new --label L`, `cert test-ca sign --ca L CSR --out FILE`.
 */
import { writeFileSync } from 'node:fs';
import { EXIT, output, readSecretFlag, requireFlag, stringFlag, UsageError, type CliContext, type CommandDef, type ParsedArgs } from '../command';
import { asCertInput, formatFindings, formatPairing, outPath, readInputFile } from './material-format';

const opt = (args: ParsedArgs, flag: string) => {
  const v = stringFlag(args, flag);
  return v === undefined ? {} : { [flag]: v };
};

async function runImport(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const data = asCertInput(readInputFile(args.positionals[1]));
  const passphrase = await readSecretFlag(args, ctx, 'passphrase-env');
  const r = await ctx.services.material.importCertificate({ data, ...opt(args, 'key'), ...opt(args, 'label'), ...opt(args, 'landscape'), ...(passphrase ? { passphrase } : {}) });
  output(ctx, r, () => formatPairing(r));
  return EXIT.ok;
}

async function runLint(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const landscape = stringFlag(args, 'landscape');
  const file = args.positionals[1];
  if (!landscape && !file) throw new UsageError('cert lint needs FILE or --landscape NAME');
  const report = landscape ? await ctx.services.material.lintLandscape(landscape) : ctx.services.material.lintData(asCertInput(readInputFile(file)));
  output(ctx, report, () => [...report.certificates.map((c) => `${c.subject}  (issuer ${c.issuer}, until ${c.notAfter.slice(0, 10)})`), formatFindings(report.findings)].join('\n'));
  return report.findings.some((f) => f.severity === 'error') ? EXIT.failed : EXIT.ok;
}

async function runTestCa(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const m = ctx.services.material;
  if (args.positionals[1] === 'new') {
    const meta = await m.createTestCa({ label: requireFlag(args, 'label'), ...opt(args, 'cn') });
    output(ctx, meta, () => `created test CA "${meta.label}" (${meta.subject}) — for labs only: Cloud Integration inbound refuses what it signs`);
    return EXIT.ok;
  }
  if (args.positionals[1] === 'sign') {
    const csrPem = readInputFile(args.positionals[2], 'CSR file').toString('utf8');
    const days = stringFlag(args, 'days');
    const r = await m.signWithTestCa({ ca: requireFlag(args, 'ca'), csrPem, ...(days ? { days: Number(days) } : {}) });
    const file = outPath(args);
    writeFileSync(file, r.certificatePem + r.caCertificatePem);
    output(ctx, { path: file }, () => `wrote the signed certificate and the CA certificate to ${file}`);
    return EXIT.ok;
  }
  throw new UsageError('expected: cert test-ca new|sign');
}

export const certCommand: CommandDef = {
  name: 'cert',
  uses: ['material'],
  summary: 'Import (pair with its key), lint and export X.509 certificates; a local test CA',
  usage: [
    'landscape cert import FILE [--key LABEL] [--label LABEL] [--passphrase-env VAR] [--landscape NAME] [--json]',
    'landscape cert lint [FILE | --landscape NAME] [--json]',
    'landscape cert export-leaf LABEL --out FILE',
    'landscape cert export-ca FILE --out FILE [--der]',
    'landscape cert test-ca new --label LABEL [--cn CN] | test-ca sign --ca LABEL CSR --out FILE [--days N]',
  ].join('\n       '),
  valueFlags: ['key', 'label', 'passphrase-env', 'landscape', 'out', 'cn', 'ca', 'days'],
  async run(args, ctx) {
    const m = ctx.services.material;
    switch (args.positionals[0]) {
      case 'import':
        return runImport(args, ctx);
      case 'lint':
        return runLint(args, ctx);
      case 'test-ca':
        return runTestCa(args, ctx);
      case 'export-leaf': {
        const ref = args.positionals[1];
        if (!ref) throw new UsageError('export-leaf needs a label');
        const r = await m.exportLeafPem({ ref, outPath: outPath(args) });
        output(ctx, r, () => `wrote the leaf certificate (${r.bytes} bytes) to ${r.path}`);
        return EXIT.ok;
      }
      case 'export-ca': {
        const pem = readInputFile(args.positionals[1]).toString('utf8');
        const r = await m.exportCaCertificate({ pem, format: args.flags.der === true ? 'der' : 'pem', outPath: outPath(args) });
        output(ctx, r, () => `wrote ${r.subject} (${r.bytes} bytes) to ${r.path}`);
        return EXIT.ok;
      }
      default:
        throw new UsageError('expected: cert import|lint|export-leaf|export-ca|test-ca');
    }
  },
};
