/**
 * The closed vocabularies of the landscape model: protocols, adapters, authentication methods,
 * stages, proxies. Kept apart from the schemas so the catalogue, rules and templates can share them.
 */
import { z } from 'zod';

/** The Cloud Integration tenant is the hub; pathways name it by this id instead of a system id. */
export const TENANT_ID = 'tenant';

export const stageSchema = z.enum(['development', 'test', 'production']);
export type Stage = z.infer<typeof stageSchema>;

export const protocolSchema = z.enum(['https', 'sftp', 'smtp']);
export type Protocol = z.infer<typeof protocolSchema>;

export const adapterSchema = z.enum(['http', 'soap', 'idoc', 'odata', 'sftp', 'mail']);
export type Adapter = z.infer<typeof adapterSchema>;

export const authMethodSchema = z.enum([
  'basic',
  'client-certificate',
  'oauth2-client-credentials',
  'password',
  'public-key',
  'dual',
  'none',
  'plain',
  'encrypted',
]);
export type AuthMethod = z.infer<typeof authMethodSchema>;

export type Direction = 'inbound' | 'outbound';

/** The places where something is created: the three a consultant acts in for a pathway. */
export type Place = 'btp-cockpit' | 'ci-monitor' | 'peer-system';

export const AUTH_LABELS: Record<AuthMethod, string> = {
  basic: 'Basic (user and password)',
  'client-certificate': 'Client certificate',
  'oauth2-client-credentials': 'OAuth2 client credentials',
  password: 'Password (User Credentials)',
  'public-key': 'Public key',
  dual: 'Dual (public key and password)',
  none: 'None',
  plain: 'Plain user/password',
  encrypted: 'Encrypted user/password',
};

export const PROTOCOL_LABELS: Record<Protocol, string> = { https: 'HTTPS', sftp: 'SFTP', smtp: 'SMTP' };

export const ADAPTER_LABELS: Record<Adapter, string> = {
  http: 'HTTP',
  soap: 'SOAP',
  idoc: 'IDoc',
  odata: 'OData',
  sftp: 'SFTP',
  mail: 'Mail',
};

export const PLACE_LABELS: Record<Place, string> = {
  'btp-cockpit': 'BTP cockpit',
  'ci-monitor': 'Cloud Integration → Monitor → Manage Security',
  'peer-system': 'The peer system',
};
