/**
 * Which configuration fields a direction shows: only those its direction, protocol, proxy type and
 * authentication use, so the panel never asks for a Private Key Alias on a Basic pathway or a CI
 * Credential Name on an inbound one (the sender's credential lives in the BTP cockpit, not in CI).
 */
import { ciIsClient } from './protocols';
import type { AuthMethod, Direction, Protocol } from './vocabulary';

export type OptionalField = 'proxy' | 'locationId' | 'virtualHost' | 'credentialId' | 'credentialName' | 'keystoreAlias' | 'user';

/** Methods whose CI artifact is named in the adapter (User Credentials / OAuth2 Credentials). */
const NAMED_ARTIFACT: readonly AuthMethod[] = ['basic', 'password', 'dual', 'plain', 'encrypted', 'oauth2-client-credentials'];
/** Methods that take a key pair from the CI keystore (Private Key Alias). */
const KEY_ALIAS: readonly AuthMethod[] = ['client-certificate', 'public-key', 'dual'];

export interface FieldInput {
  protocol: Protocol;
  auth: AuthMethod;
  proxy: { type: string };
}

export function applicableFields(p: FieldInput, direction: Direction): Set<OptionalField> {
  const out = new Set<OptionalField>();
  const ciClient = ciIsClient(p.protocol, direction);
  // The proxy type is a receiver (CI-as-client) setting; a stored On-Premise elsewhere stays visible to be undone.
  if (ciClient || p.proxy.type !== 'internet') out.add('proxy');
  if (p.proxy.type === 'on-premise') {
    out.add('locationId');
    out.add('virtualHost');
  }
  if (p.auth !== 'none') out.add('credentialId');
  if (ciClient && NAMED_ARTIFACT.includes(p.auth)) out.add('credentialName');
  if (ciClient && KEY_ALIAS.includes(p.auth)) out.add('keystoreAlias');
  if (p.protocol === 'sftp' && p.auth !== 'none') out.add('user');
  return out;
}
