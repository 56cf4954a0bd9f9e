/**
 * PGP keys as every layer sees them: public facts only (the private key and its passphrase stay
 * in the keychain). Dates are ISO strings; `expires` is null for a key that never expires.
 */
import type { CertFinding } from '../certs/finding';

export const PGP_KEY_TYPES = ['rsa-2048', 'rsa-3072', 'rsa-4096'] as const;
export type PgpKeyType = (typeof PGP_KEY_TYPES)[number];

/** SAP's guide for CI key pairs: RSA 2048, two years. */
export const PGP_DEFAULT_EXPIRY_DAYS = 730;
/** CI's PGP monitor shows "Critical" from 14 days before expiry. */
export const PGP_CRITICAL_DAYS = 14;

export type PgpAlgorithmFamily = 'rsa' | 'dsa' | 'elgamal' | 'ecc' | 'other';

export interface PgpSubkeyFacts {
  keyId: string;
  fingerprint: string;
  /** Human text, e.g. "RSA 2048", "Elgamal 2048", "ECDH cv25519". */
  algorithm: string;
  family: PgpAlgorithmFamily;
  bits?: number;
  curve?: string;
  canEncrypt: boolean;
  canSign: boolean;
  created: string;
  expires: string | null;
  revoked: boolean;
}

export interface PgpKeyFacts {
  /** 40 lower-case hex digits (v4). */
  fingerprint: string;
  /** 16 upper-case hex digits, as CI's PGP Keys list shows it. */
  keyId: string;
  userIds: string[];
  primaryUserId: string;
  algorithm: string;
  family: PgpAlgorithmFamily;
  bits?: number;
  curve?: string;
  created: string;
  expires: string | null;
  revoked: boolean;
  /** The primary key itself may encrypt / sign (RSA does; DSA signs only). */
  canEncrypt: boolean;
  canSign: boolean;
  subkeys: PgpSubkeyFacts[];
  /** The data held secret key material. */
  hasSecretKey: boolean;
  /** Every secret key packet is encrypted with a passphrase (undefined for public keys). */
  protected?: boolean;
}

/** A stored key: its facts, the label it is stored under, and whether its secret half is in the keychain. */
export interface PgpKeySummary extends PgpKeyFacts {
  label: string;
  /** 'own' keys have their secret half in the keychain; 'partner' keys are public only. */
  role: 'own' | 'partner';
  /** The vault credential that holds the private key and passphrase. */
  credentialId?: string;
  addedAt: string;
}

export interface PgpKeyReport {
  key: PgpKeySummary;
  findings: CertFinding[];
}

export interface PgpListResult {
  keys: PgpKeySummary[];
}

export interface PgpImportResult {
  imported: PgpKeySummary[];
  /** Public keys the file held next to their secret half are not stored twice. */
  notes: string[];
}

export type PgpUploadMode = 'add' | 'add-overwrite' | 'replace';

export interface PgpUploadAdvice {
  mode: PgpUploadMode;
  title: string;
  effect: string;
}

export interface PgpExportResult {
  path: string;
  keyring: 'public' | 'secret';
  format: 'armored' | 'binary';
  keys: { label: string; keyId: string; fingerprint: string; userIds: string[] }[];
  /** Where it goes in CI: Monitor → Integrations → Manage Security → PGP Keys → Add → … */
  where: string;
  upload: PgpUploadAdvice[];
}

export interface PgpLintResult {
  findings: (CertFinding & { key?: string; pathway?: number })[];
  errors: number;
  warnings: number;
}
