/**
 * What a credential is, as every layer sees it. The metadata is PUBLIC data only (it is stored in
 * the data directory and sent to the renderer); the secret payload lives in the OS keychain.
 */
export const CREDENTIAL_KINDS = [
  'basic',
  'oauth2-client',
  'client-certificate',
  // A private key waiting for its signed certificate (the security-material flow fills it in later).
  'key-pair',
  'ssh-key',
  'pkcs12-passphrase',
  'service-key',
  // An OpenPGP key pair: the armored private key and its passphrase; public facts in pgp-keys.json.
  'pgp-key',
] as const;

export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

export interface CredentialFingerprints {
  sha256?: string;
  ssh?: string;
  publicKeySha256?: string;
  /** OpenPGP v4 fingerprint, 40 hex digits. */
  pgp?: string;
}

export interface CredentialMeta {
  id: string;
  kind: CredentialKind;
  label: string;
  user?: string;
  clientId?: string;
  tokenUrl?: string;
  url?: string;
  subject?: string;
  issuer?: string;
  notAfter?: string;
  fingerprints?: CredentialFingerprints;
  certificateChainPem?: string[];
  publicKey?: string;
  keyAlgorithm?: string;
  createdAt: string;
  updatedAt: string;
}

/** The secret part: e.g. { password } | { clientSecret } | { privateKeyPem, passphrase? } | { passphrase }. */
export type SecretPayload = Record<string, string>;

/** The field each kind cannot do without; other string fields may ride along (e.g. a passphrase). */
export const REQUIRED_SECRET_FIELD: Record<CredentialKind, string | undefined> = {
  basic: 'password',
  'oauth2-client': 'clientSecret',
  'client-certificate': 'privateKeyPem',
  'key-pair': 'privateKeyPem',
  'ssh-key': 'privateKey',
  'pkcs12-passphrase': 'passphrase',
  // A raw service key may hold any of its secret fields; at least one is required.
  'service-key': undefined,
  'pgp-key': 'privateKey',
};

/**
 * Names a secret travels under. No IPC response (other than an explicit reveal) and no metadata
 * document may carry a key with one of these names; tests walk every response for them.
 */
export const SECRET_FIELD_NAMES = [
  'password',
  'secret',
  'clientSecret',
  'clientsecret',
  'privateKey',
  'privateKeyPem',
  'passphrase',
  'accessToken',
] as const;

export const KIND_LABELS: Record<CredentialKind, string> = {
  basic: 'Basic (user + password)',
  'oauth2-client': 'OAuth2 client',
  'client-certificate': 'Client certificate',
  'key-pair': 'Key pair (awaiting certificate)',
  'ssh-key': 'SSH key',
  'pkcs12-passphrase': 'PKCS#12 passphrase',
  'service-key': 'BTP service key',
  'pgp-key': 'PGP key',
};

/** The largest secret payload the vault accepts (serialized JSON, UTF-8 bytes). */
export const MAX_SECRET_BYTES = 64 * 1024;
