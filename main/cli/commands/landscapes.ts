/**
 * `landscape landscapes list|show|new|rename|duplicate|delete|export|import|check|templates`.
 * Landscapes are named by name (or id). In JSON, every pathway carries number, from, to,
 * direction, protocol, auth and maintainedAt (the places), plus its steps and findings.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LandscapeDetail } from '../../../shared/ipc/landscape-channels';
import { PLACE_LABELS, AUTH_LABELS } from '../../../shared/landscape/vocabulary';
import { createVaultCredentialLinks } from '../../services/landscapes/credential-links';
import { EXIT, output, requireFlag, stringFlag, UsageError, type CliContext, type CommandDef, type ParsedArgs } from '../command';

type Sub = (args: ParsedArgs, ctx: CliContext) => Promise<number>;

function positional(args: ParsedArgs, index: number, what: string): string {
  const v = args.positionals[index];
  if (!v) throw new UsageError(`${args.positionals[0]} needs ${what}`);
  return v;
}

function describeDetail(d: LandscapeDetail): string {
  const l = d.landscape;
  const lines = [`${l.name}  (${l.stage}${l.customer ? `, ${l.customer}` : ''})  id ${l.id}`];
  lines.push(`systems: ${l.systems.map((s) => `${s.name} [${s.kind}]`).join(', ') || 'none'}`);
  for (const p of d.pathways) {
    lines.push(`  ${p.number}. ${p.from} → ${p.to}  ${p.direction ?? '?'}  ${p.protocol.toUpperCase()}/${p.adapter}  ${AUTH_LABELS[p.auth]}`);
    lines.push(`     maintained at: ${p.maintainedAt.map((x) => PLACE_LABELS[x]).join(' → ')}`);
    for (const f of p.findings) lines.push(`     ${f.severity}: ${f.message}`);
  }
  for (const f of d.findings) lines.push(`${f.severity}: ${f.message}`);
  return lines.join('\n');
}

const subcommands: Record<string, Sub> = {
  async list(_args, ctx) {
    const landscapes = ctx.services.landscapes.list();
    const problems = ctx.services.landscapes.problems();
    output(ctx, { landscapes, problems }, () =>
      [
        ...(landscapes.length ? landscapes.map((l) => `${l.name}  (${l.stage}, ${l.systems} systems, ${l.pathways} pathways)`) : ['no landscapes yet']),
        ...problems.map((p) => `warning: ${p.file} could not be loaded (${p.reason}); kept as ${p.keptAs}`),
      ].join('\n'),
    );
    return EXIT.ok;
  },
  async show(args, ctx) {
    const d = ctx.services.landscapes.show(positional(args, 1, 'a landscape name'));
    output(ctx, d, () => describeDetail(d));
    return EXIT.ok;
  },
  async templates(_args, ctx) {
    const templates = ctx.services.landscapes.templates();
    output(ctx, { templates }, () => templates.map((t) => `${t.id.padEnd(24)} ${t.label}`).join('\n'));
    return EXIT.ok;
  },
  async new(args, ctx) {
    const stage = stringFlag(args, 'stage');
    const l = ctx.services.landscapes.create({
      templateId: requireFlag(args, 'template'),
      name: requireFlag(args, 'name'),
      ...(stringFlag(args, 'customer') !== undefined ? { customer: stringFlag(args, 'customer') } : {}),
      ...(stage !== undefined ? { stage: stage as 'development' } : {}),
    });
    const d = ctx.services.landscapes.show(l.id);
    output(ctx, d, () => `created "${l.name}"\n${describeDetail(d)}`);
    return EXIT.ok;
  },
  async rename(args, ctx) {
    const l = ctx.services.landscapes.rename(positional(args, 1, 'a landscape name'), positional(args, 2, 'the new name'));
    output(ctx, { id: l.id, name: l.name }, () => `renamed to "${l.name}"`);
    return EXIT.ok;
  },
  async duplicate(args, ctx) {
    const l = ctx.services.landscapes.duplicate(positional(args, 1, 'a landscape name'), positional(args, 2, 'the name of the copy'));
    output(ctx, { id: l.id, name: l.name }, () => `duplicated as "${l.name}"`);
    return EXIT.ok;
  },
  async delete(args, ctx) {
    const name = positional(args, 1, 'a landscape name');
    const r = ctx.services.landscapes.remove(name);
    output(ctx, r, () => `deleted "${name}"`);
    return EXIT.ok;
  },
  async export(args, ctx) {
    const file = resolve(positional(args, 2, 'a file path'));
    await ctx.services.load('vault'); // credentials are referenced by label and fingerprint
    const r = await ctx.services.landscapes.files.exportFile(positional(args, 1, 'a landscape name'), file, createVaultCredentialLinks(ctx.services.vault));
    output(ctx, { path: r.path, unlinked: r.unlinked }, () =>
      [`exported to ${r.path}`, ...r.unlinked.map((id) => `warning: credential ${id} is not in this vault; exported without a reference`)].join('\n'),
    );
    return EXIT.ok;
  },
  async check(args, ctx) {
    return checkFile(args, ctx, positional(args, 1, 'a file path'));
  },
  async import(args, ctx) {
    const file = positional(args, 1, 'a file path');
    const failed = await checkFile(args, ctx, file, true);
    if (failed !== EXIT.ok) return failed;
    const name = stringFlag(args, 'name');
    await ctx.services.load('vault'); // credentials are relinked by label and fingerprint
    const r = await ctx.services.landscapes.files.importFile(resolve(file), name ? { name } : {}, createVaultCredentialLinks(ctx.services.vault));
    output(ctx, r, () =>
      [`imported "${r.landscape.name}" (${r.landscape.pathways} pathways)`, ...r.unresolved.map((u) => `warning: no credential "${u.label}" here; relink it`)].join('\n'),
    );
    return EXIT.ok;
  },
};

/** Reports every problem of a file; silent on success when `quietIfOk` (import goes on). */
async function checkFile(_args: ParsedArgs, ctx: CliContext, file: string, quietIfOk = false): Promise<number> {
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (e) {
    ctx.stderr(`landscape landscapes: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
    return EXIT.failed;
  }
  const problems = ctx.services.landscapes.files.checkText(text);
  if (problems.length === 0) {
    if (!quietIfOk) output(ctx, { ok: true, problems }, () => `${file}: no problems`);
    return EXIT.ok;
  }
  output(ctx, { ok: false, problems }, () => problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  ctx.stderr(`landscape landscapes: ${file} has ${problems.length} problem(s); nothing was imported\n`);
  return EXIT.failed;
}

export const landscapesCommand: CommandDef = {
  name: 'landscapes',
  uses: ['landscapes'],
  summary: 'List, show, create, rename, duplicate, delete, export and import landscapes',
  usage:
    'landscape landscapes list | show NAME | templates | new --template ID --name NAME [--customer C] [--stage development|test|production] | rename NAME NEW | duplicate NAME NEW | delete NAME | export NAME FILE | import FILE [--name NAME] | check FILE   [--json]',
  valueFlags: ['template', 'name', 'customer', 'stage'],
  async run(args, ctx) {
    const sub = args.positionals[0];
    const run = sub ? subcommands[sub] : undefined;
    if (!run) throw new UsageError(sub ? `unknown sub-command "${sub}"` : 'a sub-command is required');
    return run(args, ctx);
  },
};
