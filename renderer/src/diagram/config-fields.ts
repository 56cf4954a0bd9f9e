/**
 * Pure helpers of the configuration form: which patch a protocol change needs (adapter and
 * authentication must stay valid for it) and which form field an IPC error names.
 */
import { validAdapters, validAuthMethods, type AuthMethod, type Direction, type Pathway, type Protocol } from '../../../shared/landscape';
import type { PathwayPatch } from '../../../shared/landscape/patch-schemas';

export type ConfigField =
  | 'protocol' | 'adapter' | 'endpoint' | 'proxy' | 'locationId' | 'virtualHost' | 'auth' | 'credentialId' | 'credentialName' | 'keystoreAlias'
  | 'user' | 'directory' | 'writeCheck' | 'protection' | 'from' | 'to'
  | 'folder' | 'transport' | 'tls' | 'address' | 'wsPath';

export const FIELD_LABELS: Record<ConfigField, string> = {
  protocol: 'Protocol',
  adapter: 'Adapter',
  endpoint: 'Endpoint',
  proxy: 'Proxy type',
  locationId: 'Location ID',
  virtualHost: 'Virtual host',
  auth: 'Authentication',
  credentialId: 'Credential',
  credentialName: 'Credential name (CI)',
  keystoreAlias: 'Private key alias (CI)',
  user: 'SFTP user',
  directory: 'Directory',
  writeCheck: 'Write check',
  protection: 'Protection',
  from: 'Mail from',
  to: 'Mail to',
  folder: 'Folder',
  transport: 'Transport',
  tls: 'TLS',
  address: 'Queue or topic',
  wsPath: 'WebSocket path',
};

export function protocolPatch(p: Pathway, protocol: Protocol, direction: Direction): PathwayPatch {
  const adapters = validAdapters(protocol);
  const auths = validAuthMethods(protocol, direction);
  const patch: PathwayPatch = { protocol };
  if (!adapters.includes(p.adapter)) patch.adapter = adapters[0];
  if (!auths.includes(p.auth) && auths[0]) patch.auth = auths[0];
  return patch;
}

/** Maps an error's field ("auth", "pathway.proxy.locationId", "patch.endpoint") to a form field. */
export function fieldOfError(field: string | undefined): ConfigField | undefined {
  if (!field) return undefined;
  const last = field.split(/[.[\]/]/).filter(Boolean).pop() ?? '';
  if (last in FIELD_LABELS) return last as ConfigField;
  if (field.includes('proxy')) return 'proxy';
  return undefined;
}

/** The credential kinds an authentication method can use: the picker lists only these. */
const KINDS_FOR_AUTH: Record<AuthMethod, readonly string[]> = {
  basic: ['basic'],
  'client-certificate': ['client-certificate'],
  'oauth2-client-credentials': ['oauth2-client', 'service-key'],
  password: ['basic'],
  'public-key': ['ssh-key'],
  dual: ['ssh-key', 'basic'],
  none: [],
  plain: ['basic'],
  encrypted: ['basic'],
};

export function credentialsFor<T extends { kind: string }>(auth: AuthMethod, credentials: readonly T[]): T[] {
  const kinds = KINDS_FOR_AUTH[auth] ?? [];
  return credentials.filter((c) => kinds.includes(c.kind));
}
