/** `landscape keys new --type rsa-2048|rsa-3072|rsa-4096|ec-p256 --label L`: a key pair into the vault. */
import { EXIT, output, requireFlag, UsageError, type CommandDef } from '../command';
import { KEY_TYPES, type KeyType } from '../../services/material/key-pairs';

export const keysCommand: CommandDef = {
  name: 'keys',
  uses: ['material'],
  summary: 'Create a private key (RSA 2048/3072/4096, EC P-256) in the vault, waiting for its certificate',
  usage: 'landscape keys new --type rsa-2048|rsa-3072|rsa-4096|ec-p256 --label LABEL [--json]',
  valueFlags: ['type', 'label'],
  async run(args, ctx) {
    if (args.positionals[0] !== 'new') throw new UsageError('expected: keys new');
    const type = requireFlag(args, 'type');
    if (!(KEY_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type must be one of ${KEY_TYPES.join(', ')}`);
    const meta = await ctx.services.material.createKeyPair({ type: type as KeyType, label: requireFlag(args, 'label') });
    output(ctx, meta, () => `created ${type} key "${meta.label}" (${meta.id}); public key SHA-256 ${meta.fingerprints?.publicKeySha256}\nnext: landscape csr --key "${meta.label}" --cn … --out request.csr`);
    return EXIT.ok;
  },
};
