/**
 * Findings about one certificate on its own: validity window, signature hash, key size, usage and
 * who signed it. Pure: `now` is passed in.
 */
import { TEST_CA_MARKER, type CertFacts } from './cert-facts';
import { finding, type CertFinding } from './finding';
import { formatDate, formatDateTime } from '../format/date-format';

export type CertRole = 'client' | 'server' | 'ca' | 'any';

export interface CertLintOptions {
  now: Date;
  /** A client certificate must carry clientAuth; a CA must be a CA. */
  role?: CertRole;
  /** Cloud Integration's inbound side accepts only certificates from a CA its load balancer trusts. */
  requireCaSigned?: boolean;
  /** Days before expiry that count as "expiring soon". */
  expiryWarningDays?: number;
}

const DAY = 86_400_000;
const INBOUND = 'BTP cockpit: the service key of the Process Integration Runtime instance (inbound)';
const CA = 'Your certificate authority (order a new certificate), then pair it here';

export function lintCertificate(c: CertFacts, opts: CertLintOptions): CertFinding[] {
  const out: CertFinding[] = [];
  const now = opts.now.getTime();
  const s = c.subject;
  const warnDays = opts.expiryWarningDays ?? 30;
  if (Date.parse(c.notAfter) < now) {
    out.push(finding('expired', 'error', `Expired on ${formatDate(c.notAfter)}.`, 'Create a new CSR from a fresh key, have it signed, and replace the certificate everywhere it is used.', CA, s));
  } else if (Date.parse(c.notAfter) - now < warnDays * DAY) {
    const days = Math.ceil((Date.parse(c.notAfter) - now) / DAY);
    out.push(finding('expiring-soon', 'warning', `Expires in ${days} day(s), on ${formatDate(c.notAfter)}.`, 'Renew now: new CSR, signed answer, then update the keystore or service key.', CA, s));
  }
  if (Date.parse(c.notBefore) > now) {
    out.push(finding('not-yet-valid', 'error', `Not valid before ${formatDateTime(c.notBefore)}.`, 'Check the clock of the issuing CA, or wait until the start date before using it.', CA, s));
  }
  if (/^SHA-?1$/i.test(c.signatureHash) || /^MD[245]$/i.test(c.signatureHash)) {
    out.push(finding('weak-signature', 'error', `Signed with ${c.signatureHash}, which TLS peers refuse.`, 'Have the certificate re-issued with a SHA-256 (or stronger) signature.', CA, s));
  }
  if (c.keyAlgorithm === 'RSA' && (c.keyBits ?? 0) < 2048) {
    out.push(finding('rsa-too-small', 'error', `RSA key of ${c.keyBits ?? '?'} bits; at least 2048 are required.`, 'Generate a new RSA 2048/3072/4096 key, a new CSR, and have it signed.', 'Certificates view → New client certificate', s));
  }
  if (opts.role === 'client') out.push(...lintClientUsage(c));
  if (opts.role === 'ca' && !c.isCa) {
    out.push(finding('not-a-ca', 'error', 'This certificate is not a CA certificate (basicConstraints CA:false or absent).', 'Upload the issuing CA certificate instead.', 'Cloud Integration: Keystore → Add → Certificate', s));
  }
  if (opts.requireCaSigned) out.push(...lintIssuer(c));
  return out;
}

function lintClientUsage(c: CertFacts): CertFinding[] {
  const eku = c.extendedKeyUsage;
  if (eku === null || eku.includes('clientAuth') || eku.includes('anyExtendedKeyUsage')) {
    if (eku !== null) return [];
    return [finding('client-auth-missing', 'warning', 'No extended key usage extension: some load balancers, Cloud Integration inbound among them, require clientAuth explicitly.', 'Request the certificate again with extended key usage clientAuth (this app adds it to every client CSR).', CA, c.subject)];
  }
  return [finding('client-auth-missing', 'error', `Extended key usage is ${eku.join(', ')} without clientAuth: Cloud Integration's inbound load balancer rejects it as a client certificate.`, 'Request the certificate again with extended key usage clientAuth.', CA, c.subject)];
}

function lintIssuer(c: CertFacts): CertFinding[] {
  if (c.selfSigned) {
    return [finding('self-signed', 'error', 'Self-signed: Cloud Integration inbound accepts only certificates from a CA its load balancer trusts (SAP Note 2801396).', 'Have the CSR signed by a supported public CA, then use the signed certificate.', INBOUND, c.subject)];
  }
  if (c.issuer.includes(TEST_CA_MARKER)) {
    return [finding('private-ca', 'error', 'Signed by the local test CA: fine for labs, refused by Cloud Integration inbound.', 'For a real tenant, have the same CSR signed by a CA from SAP Note 2801396.', INBOUND, c.subject)];
  }
  return [];
}
