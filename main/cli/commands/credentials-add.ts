/**
 * `landscape credentials add` and `import-service-key`: secrets come from an environment variable
 * (--password-env VAR) or stdin (-), never argv; a generated password is stored without being shown.
 */
import { readFileSync } from 'node:fs';
import { AppError } from '../../../shared/result';
import type { CredentialMeta, SecretPayload } from '../../../shared/vault/credential-kinds';
import type { PasswordOptions } from '../../../shared/vault/password-rules';
import { generatePassword } from '../../services/vault/password-generator';
import { output, readSecretFlag, requireFlag, stringFlag, UsageError, type CliContext, type ParsedArgs } from '../command';

const ADDABLE = ['basic', 'oauth2-client', 'pkcs12-passphrase'] as const;
type AddableKind = (typeof ADDABLE)[number];

async function secretFor(kind: AddableKind, args: ParsedArgs, ctx: CliContext): Promise<{ secret: SecretPayload; generated: boolean }> {
  const flag = { basic: 'password-env', 'oauth2-client': 'client-secret-env', 'pkcs12-passphrase': 'passphrase-env' }[kind];
  const field = { basic: 'password', 'oauth2-client': 'clientSecret', 'pkcs12-passphrase': 'passphrase' }[kind];
  const given = await readSecretFlag(args, ctx, flag);
  if (given !== undefined && args.flags.generate) throw new UsageError(`use either --${flag} or --generate`);
  if (given !== undefined) {
    if (!given) throw new UsageError(`--${flag}: the secret is empty`);
    return { secret: { [field]: given }, generated: false };
  }
  if (args.flags.generate && kind !== 'oauth2-client') {
    const length = stringFlag(args, 'length');
    const options: Partial<PasswordOptions> = length ? { length: Number(length) } : {};
    return { secret: { [field]: generatePassword(options) }, generated: true };
  }
  throw new UsageError(`--${flag} VAR (or - for stdin)${kind === 'oauth2-client' ? '' : ' or --generate'} is required`);
}

export async function runAdd(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const kind = (stringFlag(args, 'kind') ?? 'basic') as AddableKind;
  if (!ADDABLE.includes(kind)) throw new UsageError(`--kind must be one of ${ADDABLE.join(', ')}`);
  const label = requireFlag(args, 'label');
  const meta: Partial<CredentialMeta> = {};
  if (kind === 'basic') meta.user = requireFlag(args, 'user');
  if (kind === 'oauth2-client') {
    meta.clientId = requireFlag(args, 'client-id');
    meta.tokenUrl = requireFlag(args, 'token-url');
    const url = stringFlag(args, 'url');
    if (url) meta.url = url;
  }
  const { secret, generated } = await secretFor(kind, args, ctx);
  const created = await ctx.services.vault.create({ kind, label, meta, secret });
  output(ctx, created, () =>
    [
      `added ${created.kind} credential "${created.label}" (${created.id}); the secret is in the OS keychain`,
      ...(generated ? [`a generated password was stored; see it with: landscape credentials reveal ${created.id}`] : []),
    ].join('\n'),
  );
  return 0;
}

export async function runImportServiceKey(args: ParsedArgs, ctx: CliContext): Promise<number> {
  const file = args.positionals[1];
  if (!file) throw new UsageError('import-service-key needs a FILE (or - for stdin)');
  let text: string;
  try {
    text = file === '-' ? await ctx.readStdin() : readFileSync(file, 'utf8');
  } catch {
    throw new AppError('FILE_UNREADABLE', `cannot read ${file}`, 'FILE');
  }
  const result = await ctx.services.credentialTools.importServiceKey(text, stringFlag(args, 'label'));
  output(ctx, result, () =>
    [
      `service key (${result.type}, plan ${result.plan}${result.wrapped ? ', oauth wrapper' : ''}) imported:`,
      ...result.created.map((c) => `  created ${c.kind} "${c.label}" (${c.id})`),
      `inbound pathway: endpoint ${result.offer.endpointUrl}`,
      `                 token URL ${result.offer.tokenUrl}`,
      ...result.notes.map((n) => `note: ${n}`),
    ].join('\n'),
  );
  return 0;
}
