/** Shared shapes of the material service (responses are public data: never a private key). */
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import { AppError } from '../../../shared/result';
import type { VaultPort } from './vault-port';

export type { CertSummary, PairingResult } from '../../../shared/certs/material-responses';

/** Finds a credential by id or by label, of one of the given kinds. */
export async function resolveCredential(vault: VaultPort, ref: string, kinds: CredentialMeta['kind'][], field = 'key'): Promise<CredentialMeta> {
  const all = await vault.list();
  const meta = all.find((c) => c.id === ref) ?? all.find((c) => c.label === ref.trim());
  if (!meta) throw new AppError('NOT_FOUND', `No credential "${ref}" in the vault.`, field);
  if (!kinds.includes(meta.kind)) throw new AppError('WRONG_KIND', `"${meta.label}" is a ${meta.kind}, not a ${kinds.join(' or ')}.`, field);
  return meta;
}
