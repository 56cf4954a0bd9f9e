/**
 * `landscape pgp new|import|list|export-public|export-secret|lint` (+ `sign`, `decrypt-check`,
 * `remove`): PGP keys for CI's PGP steps. Passphrases only from the environment or stdin.
 */
import { writeFileSync } from 'node:fs';
import { EXIT, output, readSecretFlag, requireFlag, stringFlag, UsageError, type CliContext, type CommandDef, type ParsedArgs } from '../command';
import { PGP_KEY_TYPES, type PgpKeyType } from '../../../shared/pgp/pgp-types';
import { outPath, readInputFile } from './material-format';
import { formatExport, formatKey, formatLint } from './pgp-format';

const USAGE = [
  'landscape pgp new --label L --user-id "Name <mail>" [--type rsa-2048|rsa-3072|rsa-4096] [--expires-days N] (--passphrase-env VAR | --generate) [--json]',
  'landscape pgp import FILE --label L [--passphrase-env VAR] [--json]',
  'landscape pgp list [--json]',
  'landscape pgp export-public LABEL... --out FILE [--binary] [--json]',
  'landscape pgp export-secret LABEL... --out FILE --passphrase-env VAR [--binary] [--json]',
  'landscape pgp lint [LABEL... | --landscape NAME | --file FILE [--as public|secret] [--passphrase-env VAR]] [--json]',
  'landscape pgp sign LABEL --in FILE --out FILE [--detached] [--json]',
  'landscape pgp decrypt-check FILE [--verify LABEL] [--json]',
  'landscape pgp attach --landscape NAME --pathway N [--own LABEL] [--partner LABEL] [--own-user-id V] [--partner-user-id V] [--no-encrypt] [--no-sign] [--json]',
  'landscape pgp detach --landscape NAME --pathway N [--json]',
  'landscape pgp remove LABEL [--json]',
].join('\n       ');

async function newKey(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const passphrase = await readSecretFlag(args, ctx, 'passphrase-env');
  if (passphrase === undefined && args.flags.generate !== true) throw new UsageError('pgp new needs --passphrase-env VAR or --generate');
  if (passphrase !== undefined && args.flags.generate === true) throw new UsageError('give either --passphrase-env or --generate, not both');
  const type = stringFlag(args, 'type') ?? 'rsa-2048';
  if (!(PGP_KEY_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${PGP_KEY_TYPES.join(', ')}`);
  const days = stringFlag(args, 'expires-days');
  if (days !== undefined && !/^\d+$/.test(days)) throw new UsageError('--expires-days takes a whole number of days');
  const key = await ctx.services.pgp.create({
    label: requireFlag(args, 'label'),
    userId: requireFlag(args, 'user-id'),
    type: type as PgpKeyType,
    ...(days ? { expiresDays: Number(days) } : {}),
    ...(passphrase !== undefined ? { passphrase } : {}),
  });
  output(ctx, key, () => `created PGP key\n${formatKey(key)}\nnext: landscape pgp export-public "${key.label}" --out partner.asc (for the partner), export-secret for the CI tenant`);
  return EXIT.ok;
}

async function lint(args: ParsedArgs, ctx: CliContext, labels: string[]): Promise<number> {
  const file = stringFlag(args, 'file');
  const landscape = stringFlag(args, 'landscape');
  if ([file, landscape, labels.length ? 'labels' : undefined].filter(Boolean).length > 1) throw new UsageError('pgp lint takes labels, --landscape NAME or --file FILE: one of them');
  const as = stringFlag(args, 'as');
  if (as !== undefined && as !== 'public' && as !== 'secret') throw new UsageError('--as must be public or secret');
  const p = ctx.services.pgp;
  let r;
  if (file) {
    const passphrase = await readSecretFlag(args, ctx, 'passphrase-env');
    r = await p.lintFile({ data: readInputFile(file), ...(as ? { as } : {}), ...(passphrase !== undefined ? { passphrase } : {}) });
  } else if (landscape) r = await p.lintLandscape(landscape);
  else r = await p.lintKeys(labels);
  output(ctx, r, () => formatLint(r));
  return r.errors > 0 ? EXIT.failed : EXIT.ok;
}

async function attach(sub: 'attach' | 'detach', args: ParsedArgs, ctx: CliContext): Promise<number> {
  const landscape = requireFlag(args, 'landscape');
  const pathway = requireFlag(args, 'pathway');
  if (!/^\d+$/.test(pathway)) throw new UsageError('--pathway takes the pathway number');
  if (sub === 'detach') {
    const r = ctx.services.pgp.detach({ landscape, pathway: Number(pathway) });
    output(ctx, r, () => `pathway ${r.pathway} of "${r.landscape}" carries no PGP any more`);
    return EXIT.ok;
  }
  const opt = (flag: string, key: string) => (stringFlag(args, flag) !== undefined ? { [key]: stringFlag(args, flag) } : {});
  const r = await ctx.services.pgp.attach({
    landscape,
    pathway: Number(pathway),
    ...opt('own', 'own'),
    ...opt('partner', 'partner'),
    ...opt('own-user-id', 'ownUserId'),
    ...opt('partner-user-id', 'partnerUserId'),
    ...(args.flags['no-encrypt'] === true ? { encrypt: false } : {}),
    ...(args.flags['no-sign'] === true ? { sign: false } : {}),
  });
  output(ctx, r, () => `pathway ${r.pathway} of "${r.landscape}": ${JSON.stringify(r.pgp)}\nnext: landscape pgp lint --landscape "${r.landscape}", then landscape handover "${r.landscape}"`);
  return EXIT.ok;
}

export const pgpCommand: CommandDef = {
  name: 'pgp',
  uses: ['pgp'],
  summary: 'PGP keys for message-level security: create, import, keyrings for CI, lint, sign / decrypt checks',
  usage: USAGE,
  valueFlags: ['label', 'user-id', 'type', 'expires-days', 'passphrase-env', 'out', 'landscape', 'file', 'as', 'in', 'verify', 'pathway', 'own', 'partner', 'own-user-id', 'partner-user-id'],
  async run(args, ctx) {
    const [sub, ...rest] = args.positionals;
    const p = ctx.services.pgp;
    if (sub === 'new') return newKey(args, ctx);
    if (sub === 'import') {
      const data = readInputFile(rest[0]);
      const passphrase = await readSecretFlag(args, ctx, 'passphrase-env');
      const r = await p.importKeys({ data: new Uint8Array(data), label: requireFlag(args, 'label'), ...(passphrase !== undefined ? { passphrase } : {}) });
      output(ctx, r, () => [`imported ${r.imported.length} key(s)`, ...r.imported.map(formatKey), ...r.notes.map((n) => `note: ${n}`)].join('\n'));
      return EXIT.ok;
    }
    if (sub === 'list') {
      const keys = await p.list();
      output(ctx, { keys }, () => (keys.length ? keys.map(formatKey).join('\n') : 'no PGP keys'));
      return EXIT.ok;
    }
    if (sub === 'export-public' || sub === 'export-secret') {
      if (rest.length === 0) throw new UsageError(`pgp ${sub} needs at least one LABEL`);
      const binary = args.flags.binary === true;
      let r;
      if (sub === 'export-public') r = await p.exportPublic({ labels: rest, outPath: outPath(args), binary });
      else {
        const passphrase = await readSecretFlag(args, ctx, 'passphrase-env');
        if (passphrase === undefined) throw new UsageError('pgp export-secret needs --passphrase-env VAR (the passphrase CI will ask for on upload)');
        r = await p.exportSecret({ labels: rest, outPath: outPath(args), passphrase, binary });
      }
      output(ctx, r, () => formatExport(r));
      return EXIT.ok;
    }
    if (sub === 'lint') return lint(args, ctx, rest);
    if (sub === 'sign') {
      if (!rest[0]) throw new UsageError('pgp sign needs a LABEL');
      const r = await p.sign({ label: rest[0], data: new Uint8Array(readInputFile(stringFlag(args, 'in'), '--in FILE')), detached: args.flags.detached === true });
      const out = outPath(args);
      writeFileSync(out, r.armored);
      output(ctx, { path: out, keyId: r.keyId }, () => `signed with ${r.keyId}: ${out}`);
      return EXIT.ok;
    }
    if (sub === 'decrypt-check') {
      const verify = stringFlag(args, 'verify');
      const r = await p.decryptCheck({ data: new Uint8Array(readInputFile(rest[0])), ...(verify ? { verifyWith: verify } : {}) });
      output(ctx, r, () => `decrypted ${r.bytes} bytes with "${r.decryptedWith}" (SHA-256 ${r.sha256}); signature: ${r.signature}${r.signedBy ? ` by ${r.signedBy}` : ''}`);
      return r.signature === 'invalid' || r.signature === 'absent' ? EXIT.failed : EXIT.ok;
    }
    if (sub === 'attach' || sub === 'detach') return attach(sub, args, ctx);
    if (sub === 'remove') {
      if (!rest[0]) throw new UsageError('pgp remove needs a LABEL');
      const r = await p.remove(rest[0]);
      output(ctx, r, () => `removed PGP key "${r.removed}"`);
      return EXIT.ok;
    }
    throw new UsageError('expected: pgp new|import|list|export-public|export-secret|lint|sign|decrypt-check|remove');
  },
};

