/**
 * `landscape iflow import FILE... (--landscape NAME | --new NAME) [--dry-run] [--json]`: integration
 * flows (iFlow or package exports, bare .iflw) into a landscape, all or nothing. The JSON keeps the
 * issue's shape: `iflows: [{ file, name, adapters: [{ adapter, direction, participant, host, port,
 * path, authentication, credentialName, privateKeyAlias, proxyType, locationId, internal,
 * unresolved, dynamic, … }] }]`, then the plan (systems, pathways, internal, material, findings).
 */
import { resolve } from 'node:path';
import { findSystemKind } from '../../../shared/landscape/system-kinds';
import { AUTH_LABELS, type AuthMethod } from '../../../shared/landscape/vocabulary';
import type { IflowImportResult } from '../../services/iflow/iflow-import-service';
import { EXIT, output, stringFlag, UsageError, type CommandDef } from '../command';

const ACTION = { add: 'new', update: 'changed', unchanged: 'unchanged', gone: 'no longer in its iFlow (kept)' } as const;

function describe(r: IflowImportResult): string {
  const unchanged = r.landscape.changed ? '' : ' already holds these integration flows: nothing to change';
  const lines = [`${r.dryRun ? 'Dry run: nothing saved. ' : ''}${r.landscape.created ? 'New landscape' : 'Landscape'} "${r.landscape.name}"${unchanged}`];
  for (const f of r.iflows) {
    lines.push(`iFlow ${f.name}  (${f.file})`);
    for (const a of f.adapters) {
      const where = [a.host, a.port, a.path].filter((x) => x !== '' && x !== null).join(' ');
      lines.push(`  ${a.direction === 'inbound' ? '→ CI' : 'CI →'} ${a.participant || '?'}  ${a.adapter} "${a.name}"  ${a.authentication}${a.credentialName ? `  credential ${a.credentialName}` : ''}${a.privateKeyAlias ? `  alias ${a.privateKeyAlias}` : ''}${where ? `  ${where}` : ''}${a.internal ? '  (internal)' : !a.probed ? '  (not probed)' : ''}`);
    }
  }
  for (const s of r.systems) lines.push(`system ${s.action === 'add' ? 'added' : 'merged'}: ${s.name} (${findSystemKind(s.kind)?.label ?? s.kind})${s.host ? ` ${s.host}` : ''}`);
  for (const p of r.pathways) {
    lines.push(`pathway ${p.number} ${ACTION[p.action]}: ${p.route}  ${p.protocol.toUpperCase()} ${AUTH_LABELS[p.auth as AuthMethod] ?? p.auth}${p.credentialName ? `  credential ${p.credentialName}` : ''}${p.keystoreAlias ? `  alias ${p.keystoreAlias}` : ''}`);
    for (const c of p.changes) lines.push(`    ${c.field}: ${c.before || '(none)'} → ${c.after || '(none)'}`);
  }
  for (const i of r.internal) lines.push(`internal (not a pathway): ${i.iflow} / ${i.adapter} (${i.type})`);
  for (const m of r.material) lines.push(`${m.status === 'prepared' ? 'prepared' : m.status === 'missing' ? 'missing ' : 'CONFLICT'}  ${m.name}: ${m.needs}. ${m.detail}`);
  for (const f of r.findings) lines.push(`${f.severity}: ${f.iflow} / ${f.adapter}: ${f.message}`);
  return lines.join('\n');
}

export const iflowCommand: CommandDef = {
  name: 'iflow',
  uses: ['landscapes', 'vault', 'iflows'],
  summary: 'Import integration flows (iFlow or package exports, .iflw) into a landscape',
  usage: 'landscape iflow import FILE... (--landscape NAME | --new NAME) [--dry-run] [--json]',
  valueFlags: ['landscape', 'new'],
  async run(args, ctx) {
    const [sub, ...files] = args.positionals;
    if (sub !== 'import') throw new UsageError('iflow has one sub-command: import FILE... (--landscape NAME | --new NAME)');
    if (!files.length) throw new UsageError('iflow import needs at least one FILE (.zip export or .iflw)');
    const landscape = stringFlag(args, 'landscape');
    const newName = stringFlag(args, 'new');
    if (!!landscape === !!newName) throw new UsageError('iflow import needs exactly one of --landscape NAME or --new NAME');
    const result = await ctx.services.iflows.import({
      files: files.map((f) => resolve(f)),
      ...(landscape ? { landscape } : { newName }),
      dryRun: args.flags['dry-run'] === true,
    });
    output(ctx, result, () => describe(result));
    return EXIT.ok;
  },
};
