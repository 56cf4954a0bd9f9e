/**
 * The closed vocabularies of the landscape model: protocols, adapters, authentication methods,
 * stages, proxies. Kept apart from the schemas so the catalogue, rules and templates can share them.
 * Plain lists without zod: the renderer draws from these, and zod is not part of its first bundle
 * (the schemas over these lists are in vocabulary-schemas.ts).
 */

/** The Cloud Integration tenant is the hub; pathways name it by this id instead of a system id. */
export const TENANT_ID = 'tenant';

export const STAGES = ['development', 'test', 'production'] as const;
export type Stage = (typeof STAGES)[number];
export const STAGE_LABELS: Record<Stage, string> = { development: 'Development', test: 'Test', production: 'Production' };

/** 'other': a connection the model records but does not probe (RFC, JDBC, AS2, Kafka, … read from an iFlow). */
export const PROTOCOLS = ['https', 'sftp', 'smtp', 'ftp', 'imap', 'pop3', 'amqp', 'other'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const ADAPTERS = ['http', 'soap', 'idoc', 'odata', 'sftp', 'mail', 'ftp', 'amqp', 'other'] as const;
export type Adapter = (typeof ADAPTERS)[number];

export const AUTH_METHODS = [
  'basic',
  'client-certificate',
  'oauth2-client-credentials',
  'password',
  'public-key',
  'dual',
  'none',
  'plain',
  'encrypted',
] as const;
export type AuthMethod = (typeof AUTH_METHODS)[number];

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

export const PROTOCOL_LABELS: Record<Protocol, string> = {
  https: 'HTTPS',
  sftp: 'SFTP',
  smtp: 'SMTP',
  ftp: 'FTP / FTPS',
  imap: 'IMAP',
  pop3: 'POP3',
  amqp: 'AMQP 1.0',
  other: 'Other (not probed)',
};

export const ADAPTER_LABELS: Record<Adapter, string> = {
  http: 'HTTP',
  soap: 'SOAP',
  idoc: 'IDoc',
  odata: 'OData',
  sftp: 'SFTP',
  mail: 'Mail',
  ftp: 'FTP',
  amqp: 'AMQP',
  other: 'Other (see its iFlow adapter)',
};

export const PLACE_LABELS: Record<Place, string> = {
  'btp-cockpit': 'BTP cockpit',
  'ci-monitor': 'Cloud Integration → Monitor → Manage Security',
  'peer-system': 'The peer system',
};
