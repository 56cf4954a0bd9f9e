/** Response shapes of the material channels: public data only, never a private key or password. */
import type { CredentialMeta } from '../vault/credential-kinds';
import type { CertFacts } from './cert-facts';
import type { CertFinding } from './finding';

export interface CertSummary {
  facts: CertFacts;
  pem: string;
}

export interface PairingResult {
  credential: CredentialMeta;
  chain: CertSummary[];
  complete: boolean;
  missingIssuer?: string;
  /** Subjects of supplied certificates that were not part of the chain. */
  unused: string[];
  findings: CertFinding[];
}

export interface Pkcs12EncryptionInfo {
  /** 'modern' = PBES2 everywhere; 'legacy' = RC2 / 3DES / RC4 PKCS#12 PBE somewhere; 'none' = unencrypted. */
  kind: 'modern' | 'legacy' | 'none';
  /** e.g. 'PBES2 (PBKDF2, aes256-CBC)', 'pbeWithSHAAnd40BitRC2-CBC'. */
  algorithms: string[];
  mac?: string;
}

export interface Pkcs12ImportResult extends PairingResult {
  encryption: Pkcs12EncryptionInfo;
  friendlyName?: string;
}

export interface P12ExportResult {
  path: string;
  bytes: number;
  alias: string;
  encryption: 'modern' | 'legacy';
  chainLength: number;
  /** The vault credential holding the password (reveal or copy it there). */
  passwordCredentialId?: string;
}

export interface FileExportResult {
  path: string;
  bytes: number;
  subject: string;
}

export interface LintReport {
  certificates: CertFacts[];
  findings: CertFinding[];
}

export interface MaterialSummary {
  keys: CredentialMeta[];
  certificates: Array<{ credential: CredentialMeta; facts: CertFacts | null; findings: CertFinding[] }>;
  sshKeys: CredentialMeta[];
}

export interface CsrResult {
  csrPem: string;
  keyId: string;
  label: string;
}
