/**
 * The plain facts the lint needs about one X.509 certificate. Main parses (forge / @peculiar/x509 /
 * node:crypto) and hands these over, so the lint stays pure and the renderer never bundles a parser.
 */
export interface CertFacts {
  subject: string;
  issuer: string;
  serialNumber: string;
  /** ISO timestamps. */
  notBefore: string;
  notAfter: string;
  /** Subject equals issuer and the certificate verifies with its own key. */
  selfSigned: boolean;
  isCa: boolean;
  /** Hash of the signature, e.g. 'SHA-256', 'SHA-1'. */
  signatureHash: string;
  keyAlgorithm: 'RSA' | 'EC' | 'Ed25519' | 'other';
  keyBits?: number;
  curve?: string;
  /** Extended key usage names ('clientAuth', 'serverAuth') or OIDs; null when the extension is absent. */
  extendedKeyUsage: string[] | null;
  /** SHA-256 of the DER, colon-separated upper-case hex (as keytool and the CI keystore show it). */
  fingerprintSha256: string;
  /** SHA-256 of the SubjectPublicKeyInfo DER, lower-case hex: what pairs a certificate with its key. */
  publicKeySha256: string;
  derBytes: number;
}

/** Marker put into the OU of CAs made by the local test CA, so the lint can recognise what they signed. */
export const TEST_CA_MARKER = 'Landscape Setup local test CA';

export function validityDays(facts: Pick<CertFacts, 'notBefore' | 'notAfter'>): number {
  return (Date.parse(facts.notAfter) - Date.parse(facts.notBefore)) / 86_400_000;
}
