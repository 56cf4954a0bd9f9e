/** SSH keys for SFTP pathways: create into the vault, public line, export for the CI keystore. */
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import { writeExport } from './export-file';
import { resolveCredential } from './material-types';
import { authorizedKeysLine, generateSshKeyPair, publicLineOf, sshFingerprint, toPkcs1Pem, type SshKeyType } from './ssh-keys';
import type { VaultPort } from './vault-port';

export function createSshService(deps: { vault: VaultPort; dataDir: string }) {
  const { vault } = deps;
  return {
    async createSshKey(input: { type: SshKeyType; label: string; passphrase?: string }): Promise<CredentialMeta> {
      const pair = await generateSshKeyPair(input.type, input.label.replace(/\s+/g, '-'), input.passphrase);
      const secret: Record<string, string> = { privateKey: pair.privateKey };
      if (input.passphrase) secret.passphrase = input.passphrase;
      return vault.create({
        kind: 'ssh-key',
        label: input.label,
        meta: { publicKey: pair.publicKey, keyAlgorithm: input.type, fingerprints: { ssh: pair.fingerprint } },
        secret,
      });
    },

    /** An existing key (OpenSSH, PEM PKCS#1/PKCS#8; from ssh-keygen or PuTTYgen's OpenSSH export). */
    async importSshKey(input: { label: string; privateKey: string; passphrase?: string }): Promise<CredentialMeta> {
      const line = publicLineOf(input.privateKey, input.passphrase);
      const type = line.split(' ')[0] as string;
      const secret: Record<string, string> = { privateKey: input.privateKey.replace(/\r\n/g, '\n') };
      if (input.passphrase) secret.passphrase = input.passphrase;
      return vault.create({
        kind: 'ssh-key',
        label: input.label,
        meta: { publicKey: `${line} ${input.label.replace(/\s+/g, '-')}`, keyAlgorithm: type, fingerprints: { ssh: sshFingerprint(line) } },
        secret,
      });
    },

    async sshPublic(input: { ref: string; landscape?: string; pathway?: string }): Promise<{ line: string; fingerprint: string; label: string }> {
      const meta = await resolveCredential(vault, input.ref, ['ssh-key'], 'ref');
      return { line: authorizedKeysLine(meta.publicKey ?? '', input.landscape, input.pathway), fingerprint: meta.fingerprints?.ssh ?? '', label: meta.label };
    },

    /** OpenSSH (as stored, passphrase-protected if it was created so) or PEM PKCS#1 (RSA only, unencrypted). */
    async exportSshKey(input: { ref: string; format: 'openssh' | 'pkcs1'; outPath: string }): Promise<{ path: string; format: string }> {
      const meta = await resolveCredential(vault, input.ref, ['ssh-key'], 'ref');
      const secret = await vault.readSecret(meta.id);
      const data = input.format === 'openssh' ? (secret.privateKey as string) : toPkcs1Pem(secret.privateKey as string, secret.passphrase);
      return { path: writeExport(deps.dataDir, input.outPath, data, true), format: input.format };
    },
  };
}
