/**
 * `landscape known-hosts add|check|export|list --landscape NAME`: the landscape's modelled Cloud
 * Integration known_hosts. `check` answers the way CI's SFTP client would (exit 1 unless known).
 */
import { EXIT, output, requireFlag, stringFlag, UsageError, type CommandDef, type ParsedArgs } from '../command';
import { outPath } from './material-format';

function hostKeyFlags(args: ParsedArgs) {
  const port = stringFlag(args, 'port');
  const [keyType, keyBase64] = requireFlag(args, 'key').trim().split(/\s+/);
  if (!keyType || !keyBase64) throw new UsageError('--key takes "type base64", e.g. "ssh-ed25519 AAAA…"');
  return { host: requireFlag(args, 'host'), port: port ? Number(port) : 22, keyType, keyBase64 };
}

export const knownHostsCommand: CommandDef = {
  name: 'known-hosts',
  uses: ['material'],
  summary: "Keep the landscape's Cloud Integration known_hosts: add lines, check host keys, export",
  usage: [
    'landscape known-hosts add --landscape NAME (--line "host type key" | --host H [--port P] --key "type base64" [--hashed])',
    'landscape known-hosts check --landscape NAME --host H [--port P] --key "type base64" [--json]',
    'landscape known-hosts export --landscape NAME --out FILE',
    'landscape known-hosts list --landscape NAME [--json]',
  ].join('\n       '),
  valueFlags: ['landscape', 'line', 'host', 'port', 'key', 'out'],
  async run(args, ctx) {
    const m = ctx.services.material;
    const landscape = requireFlag(args, 'landscape');
    switch (args.positionals[0]) {
      case 'add': {
        const line = stringFlag(args, 'line');
        const r = line ? m.addKnownHost({ landscape, line }) : m.addKnownHost({ landscape, ...hostKeyFlags(args), hashed: args.flags.hashed === true });
        output(ctx, r, () => (r.added ? `added: ${r.line}` : `already present: ${r.line}`));
        return EXIT.ok;
      }
      case 'check': {
        const r = m.checkKnownHost({ landscape, ...hostKeyFlags(args) });
        output(ctx, r, () => `${r.verdict}: ${r.explanation}\n${r.fingerprint}`);
        return r.verdict === 'known' ? EXIT.ok : EXIT.failed;
      }
      case 'export': {
        const r = m.exportKnownHosts({ landscape, outPath: outPath(args) });
        output(ctx, r, () => `wrote ${r.lines} line(s) to ${r.path}\nupload: Monitor → Manage Security → Security Material → known_hosts (SSH)`);
        return EXIT.ok;
      }
      case 'list': {
        const r = m.listKnownHosts(landscape);
        output(ctx, r, () => (r.lines.length ? r.entries.map((e) => `${e.line}: ${e.marker ?? ''}${e.hashed ? '(hashed)' : e.hosts.join(',')} ${e.keyType} ${e.fingerprint}`).join('\n') : 'known_hosts is empty'));
        return EXIT.ok;
      }
      default:
        throw new UsageError('expected: known-hosts add|check|export|list');
    }
  },
};
