/**
 * `landscape bundle identity | export | import`: move landscapes and their secrets to another
 * laptop in one age-encrypted file. The passphrase comes only from an environment variable (or
 * stdin with `-`), never from argv. Import shows conflicts and writes nothing until
 * `--on-conflict` says what to do with them.
 */
import { resolve } from 'node:path';
import { CONFLICT_CHOICES, type BundlePreview, type ConflictChoice } from '../../../shared/ipc/bundle-channels';
import { KIND_LABELS } from '../../../shared/vault/credential-kinds';
import { EXIT, output, readSecretFlag, requireFlag, stringFlag, UsageError, type CliContext, type CommandDef, type ParsedArgs } from '../command';

type Sub = (args: ParsedArgs, ctx: CliContext) => Promise<number>;

function describePreview(p: BundlePreview): string[] {
  const lines = [`bundle made ${p.createdAt}, encrypted to ${p.encryptedWith === 'passphrase' ? 'a passphrase' : 'this laptop'}`];
  for (const l of p.landscapes) lines.push(`  landscape "${l.name}" (${l.systems} systems, ${l.pathways} pathways)${l.status === 'conflict' ? `  CONFLICT [${l.key}]: ${l.reason}` : ''}`);
  for (const c of p.credentials) {
    const fp = c.fingerprint ? `  ${c.fingerprint}` : '';
    const state = c.status === 'same' ? '  identical one here, reused' : c.status === 'conflict' ? `  CONFLICT [${c.key}] with "${c.local?.label}"${c.local?.fingerprint ? ` ${c.local.fingerprint}` : ''}: ${c.reason}` : '';
    lines.push(`  credential "${c.label}" (${KIND_LABELS[c.kind]})${fp}${state}`);
  }
  return lines;
}

const subcommands: Record<string, Sub> = {
  async identity(_args, ctx) {
    const id = await ctx.services.bundles.identity();
    if (id.replaced) ctx.stderr('landscape bundle: the previous age key was not in this keychain; a new identity was made (bundles made for the old recipient cannot be opened here)\n');
    output(ctx, id, () => id.recipient);
    return EXIT.ok;
  },

  async export(args, ctx) {
    const names = args.positionals.slice(1);
    if (names.length === 0) throw new UsageError('export needs at least one landscape name');
    const to = stringFlag(args, 'to');
    const passphrase = await readSecretFlag(args, ctx, 'passphrase-env');
    if ((to === undefined) === (passphrase === undefined)) throw new UsageError('export needs exactly one of --to age1… or --passphrase-env VAR');
    const out = resolve(requireFlag(args, 'out'));
    const r = await ctx.services.bundles.exportBundle(names, out, to !== undefined ? { recipient: to } : { passphrase: passphrase as string });
    output(ctx, r, () =>
      [
        `wrote ${r.path} (${r.bytes} bytes): ${r.landscapes.length} landscape(s), ${r.credentials} credential(s), encrypted to ${r.encryptedWith === 'recipient' ? to : 'the passphrase'}`,
        ...r.unlinked.map((id) => `warning: credential ${id} is not in this vault; the bundle carries no secret for it`),
      ].join('\n'),
    );
    return EXIT.ok;
  },

  async import(args, ctx) {
    const file = args.positionals[1];
    if (!file) throw new UsageError('import needs the bundle file');
    const onConflict = stringFlag(args, 'on-conflict');
    if (onConflict !== undefined && !CONFLICT_CHOICES.includes(onConflict as ConflictChoice)) throw new UsageError(`--on-conflict must be one of ${CONFLICT_CHOICES.join(', ')}`);
    const passphrase = await readSecretFlag(args, ctx, 'passphrase-env');
    const bundles = ctx.services.bundles;
    const preview = await bundles.open(resolve(file), passphrase);
    if (preview.conflicts > 0 && onConflict === undefined) {
      bundles.discard(preview.token);
      output(ctx, { imported: false, preview: { ...preview, token: undefined } }, () => describePreview(preview).join('\n'));
      ctx.stderr(`landscape bundle: ${preview.conflicts} conflict(s) with what is here; nothing was imported. Choose --on-conflict keep-both|replace|skip\n`);
      return EXIT.failed;
    }
    const r = await bundles.apply(preview.token, {}, onConflict as ConflictChoice | undefined);
    output(ctx, { imported: true, ...r }, () =>
      [
        ...r.landscapes.map((l) => `landscape "${l.name}": ${l.action}`),
        ...r.credentials.map((c) => `credential "${c.label}": ${c.action}`),
        ...r.unresolved.map((u) => `warning: no credential "${u.label}" in the bundle or here; relink it`),
      ].join('\n'),
    );
    return EXIT.ok;
  },
};

export const bundleCommand: CommandDef = {
  name: 'bundle',
  uses: ['bundles'],
  summary: 'Move landscapes with their secrets to another laptop (age-encrypted bundle)',
  usage:
    'landscape bundle identity [--json] | export NAME... (--to age1… | --passphrase-env VAR) --out FILE [--json] | import FILE [--passphrase-env VAR] [--on-conflict keep-both|replace|skip] [--json]',
  valueFlags: ['to', 'passphrase-env', 'out', 'on-conflict'],
  async run(args, ctx) {
    const sub = args.positionals[0];
    const run = sub ? subcommands[sub] : undefined;
    if (!run) throw new UsageError(sub ? `unknown sub-command "${sub}"` : 'a sub-command is required (identity, export or import)');
    return run(args, ctx);
  },
};
