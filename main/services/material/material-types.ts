/** Shared shapes of the material service (responses are public data: never a private key). */
import type { CertFacts } from '../../../shared/certs/cert-facts';
import type { CertFinding } from '../../../shared/certs/finding';
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import { AppError } from '../../../shared/result';
import type { VaultPort } from './vault-port';

export interface CertSummary {
  facts: CertFacts;
  pem: string;
}

export interface PairingResult {
  credential: CredentialMeta;
  chain: CertSummary[];
  complete: boolean;
  missingIssuer?: string;
  /** Supplied certificates that were not part of the chain. */
  unused: string[];
  findings: CertFinding[];
}

/** Finds a credential by id or by label, of one of the given kinds. */
export async function resolveCredential(vault: VaultPort, ref: string, kinds: CredentialMeta['kind'][], field = 'key'): Promise<CredentialMeta> {
  const all = await vault.list();
  const meta = all.find((c) => c.id === ref) ?? all.find((c) => c.label === ref.trim());
  if (!meta) throw new AppError('NOT_FOUND', `No credential "${ref}" in the vault.`, field);
  if (!kinds.includes(meta.kind)) throw new AppError('WRONG_KIND', `"${meta.label}" is a ${meta.kind}, not a ${kinds.join(' or ')}.`, field);
  return meta;
}
