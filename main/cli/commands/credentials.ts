/**
 * `landscape credentials list|add|remove|reveal|import-service-key|orphans|repair`.
 * Everything but `reveal` prints metadata only; `reveal` is the user's explicit act.
 */
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import { collectCredentialUsage } from '../../services/vault/credential-usage';
import { EXIT, output, UsageError, type CliContext, type CommandDef, type ParsedArgs } from '../command';
import { runAdd, runImportServiceKey } from './credentials-add';

/** A credential by id or by label (labels are unique). */
async function resolve(args: ParsedArgs, ctx: CliContext): Promise<CredentialMeta> {
  const ref = args.positionals[1];
  if (!ref) throw new UsageError(`${args.positionals[0]} needs an id or a label`);
  return (await ctx.services.vault.findByLabel(ref)) ?? ctx.services.vault.get(ref);
}

function describe(c: CredentialMeta): string {
  const who = c.user ?? c.clientId ?? c.subject ?? '';
  const expiry = c.notAfter ? `  valid until ${c.notAfter}` : '';
  return `${c.id}  ${c.kind.padEnd(18)}  ${c.label}${who ? `  (${who})` : ''}${expiry}`;
}

const subcommands: Record<string, (args: ParsedArgs, ctx: CliContext) => Promise<number>> = {
  async list(_args, ctx) {
    const credentials = await ctx.services.vault.list();
    const keychain = await ctx.services.secrets.status();
    const usage = collectCredentialUsage(ctx.services.landscapes);
    output(ctx, { credentials, keychain, usage }, () =>
      [
        ...(credentials.length ? credentials.flatMap((c) => [describe(c), ...(usage[c.id] ?? []).map((u) => `    used by ${u.landscapeName}, ${u.what}`)]) : ['no credentials yet']),
        ...(keychain.state === 'unavailable' ? [`keychain unavailable (${keychain.reason}): ${keychain.hint}`] : []),
      ].join('\n'),
    );
    return EXIT.ok;
  },
  add: runAdd,
  'import-service-key': runImportServiceKey,
  async remove(args, ctx) {
    const c = await resolve(args, ctx);
    await ctx.services.vault.remove(c.id);
    output(ctx, { removed: c.id }, () => `removed "${c.label}" (${c.id}) and its keychain entry`);
    return EXIT.ok;
  },
  async reveal(args, ctx) {
    const c = await resolve(args, ctx);
    const revealed = await ctx.services.vault.readSecret(c.id);
    output(ctx, { id: c.id, label: c.label, kind: c.kind, revealed }, () =>
      Object.entries(revealed)
        .map(([k, v]) => (v.includes('\n') ? `${k}:\n${v}` : `${k}: ${v}`))
        .join('\n'),
    );
    return EXIT.ok;
  },
  async orphans(_args, ctx) {
    const orphans = await ctx.services.vault.orphans();
    output(ctx, { orphans }, () => (orphans.length ? orphans.map((o) => `${o.kind}  ${o.id}${o.label ? `  "${o.label}"` : ''}  → ${o.repair}`).join('\n') : 'no orphans'));
    return EXIT.ok;
  },
  async repair(_args, ctx) {
    const report = await ctx.services.vault.repair(await ctx.services.vault.orphans());
    output(ctx, report, () => `repaired ${report.repaired.length}; remaining ${report.remaining.length}`);
    return report.remaining.length ? EXIT.failed : EXIT.ok;
  },
};

export const credentialsCommand: CommandDef = {
  name: 'credentials',
  uses: ['vault', 'landscapes'],
  summary: 'List, add, remove and reveal credentials (secrets in the OS keychain); import BTP service keys',
  usage: [
    'landscape credentials list [--json]',
    '       landscape credentials add --kind basic --label L --user U (--password-env VAR | --password-env - | --generate [--length N])',
    '       landscape credentials add --kind oauth2-client --label L --client-id ID --token-url URL [--url URL] --client-secret-env VAR',
    '       landscape credentials add --kind pkcs12-passphrase --label L (--passphrase-env VAR | --generate)',
    '       landscape credentials remove|reveal ID-OR-LABEL [--json]',
    '       landscape credentials import-service-key FILE|- [--label L] [--json]',
    '       landscape credentials orphans|repair [--json]',
  ].join('\n'),
  valueFlags: ['kind', 'label', 'user', 'client-id', 'token-url', 'url', 'password-env', 'client-secret-env', 'passphrase-env', 'length'],
  async run(args, ctx) {
    const sub = args.positionals[0];
    const handler = sub ? subcommands[sub] : undefined;
    if (!handler) throw new UsageError(`choose one of: ${Object.keys(subcommands).join(', ')}`);
    return handler(args, ctx);
  },
};
