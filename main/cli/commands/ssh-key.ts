/**
 * `landscape ssh-key new --type ed25519|rsa-4096 --label L [--passphrase-env VAR]`,
 * `ssh-key public LABEL [--landscape N --pathway P]` (the authorized_keys line),
 * `ssh-key export LABEL --out FILE [--pkcs1]`.
 */
import { EXIT, output, readSecretFlag, requireFlag, stringFlag, UsageError, type CommandDef } from '../command';
import { SSH_KEY_TYPES, type SshKeyType } from '../../services/material/ssh-keys';
import { outPath, readInputFile } from './material-format';

export const sshKeyCommand: CommandDef = {
  name: 'ssh-key',
  uses: ['material'],
  summary: 'SSH key pairs for SFTP: create in the vault, print the authorized_keys line, export',
  usage: [
    'landscape ssh-key new --type ed25519|rsa-4096 --label LABEL [--passphrase-env VAR] [--json]',
    'landscape ssh-key public LABEL [--landscape NAME] [--pathway NAME] [--json]',
    'landscape ssh-key export LABEL --out FILE [--pkcs1]',
    'landscape ssh-key import FILE --label LABEL [--passphrase-env VAR]',
  ].join('\n       '),
  valueFlags: ['type', 'label', 'passphrase-env', 'landscape', 'pathway', 'out'],
  async run(args, ctx) {
    const m = ctx.services.material;
    const sub = args.positionals[0];
    if (sub === 'new') {
      const type = requireFlag(args, 'type');
      if (!(SSH_KEY_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${SSH_KEY_TYPES.join(', ')}`);
      const passphrase = await readSecretFlag(args, ctx, 'passphrase-env');
      const meta = await m.createSshKey({ type: type as SshKeyType, label: requireFlag(args, 'label'), ...(passphrase ? { passphrase } : {}) });
      output(ctx, meta, () => `created ${type} SSH key "${meta.label}" (${meta.id})\n${meta.fingerprints?.ssh}`);
      return EXIT.ok;
    }
    if (sub === 'import') {
      const privateKey = readInputFile(args.positionals[1]).toString('utf8');
      const passphrase = await readSecretFlag(args, ctx, 'passphrase-env');
      const meta = await m.importSshKey({ label: requireFlag(args, 'label'), privateKey, ...(passphrase ? { passphrase } : {}) });
      output(ctx, meta, () => `imported SSH key "${meta.label}" (${meta.id})\n${meta.fingerprints?.ssh}`);
      return EXIT.ok;
    }
    const ref = args.positionals[1];
    if (!ref) throw new UsageError(`ssh-key ${sub ?? ''} needs a label`);
    if (sub === 'public') {
      const landscape = stringFlag(args, 'landscape');
      const pathway = stringFlag(args, 'pathway');
      const r = await m.sshPublic({ ref, ...(landscape ? { landscape } : {}), ...(pathway ? { pathway } : {}) });
      output(ctx, r, () => r.line);
      return EXIT.ok;
    }
    if (sub === 'export') {
      const r = await m.exportSshKey({ ref, format: args.flags.pkcs1 === true ? 'pkcs1' : 'openssh', outPath: outPath(args) });
      output(ctx, r, () => `wrote the ${r.format === 'pkcs1' ? 'PEM PKCS#1' : 'OpenSSH'} private key to ${r.path}`);
      return EXIT.ok;
    }
    throw new UsageError('expected: ssh-key new|public|export|import');
  },
};
