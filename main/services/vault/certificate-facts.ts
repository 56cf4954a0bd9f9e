/**
 * Public facts of a PEM certificate chain (node:crypto X509Certificate), and the check that a
 * private key belongs to the leaf. Used by the service-key import; never touches the secret beyond
 * the in-memory key comparison.
 */
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { AppError } from '../../../shared/result';

export interface CertificateFacts {
  subject: string;
  issuer: string;
  notAfter: string;
  sha256: string;
  publicKeySha256: string;
  keyAlgorithm: string;
  chainPem: string[];
}

export function splitPemChain(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)?.map((c) => c + '\n') ?? [];
}

/** Distinguished names as one line ("CN=…, O=…"), the way the cockpit shows them. */
const oneLine = (dn: string) => dn.split('\n').filter(Boolean).join(', ');

export function readCertificateFacts(pem: string, field: string): CertificateFacts {
  const chainPem = splitPemChain(pem);
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(chainPem[0] ?? '');
    for (const extra of chainPem.slice(1)) new X509Certificate(extra);
  } catch {
    throw new AppError('SERVICE_KEY_INVALID', `${field}: the certificate cannot be read`, field);
  }
  const spki = leaf.publicKey.export({ type: 'spki', format: 'der' });
  return {
    subject: oneLine(leaf.subject),
    issuer: oneLine(leaf.issuer),
    notAfter: new Date(leaf.validTo).toISOString(),
    sha256: leaf.fingerprint256,
    publicKeySha256: createHash('sha256').update(spki).digest('hex'),
    keyAlgorithm: leaf.publicKey.asymmetricKeyType ?? 'unknown',
    chainPem,
  };
}

export function assertKeyMatchesCertificate(privateKeyPem: string, certificatePem: string, field: string): void {
  let matches = false;
  try {
    const key = createPrivateKey(privateKeyPem);
    matches = new X509Certificate(splitPemChain(certificatePem)[0] ?? '').checkPrivateKey(key);
  } catch {
    throw new AppError('SERVICE_KEY_INVALID', `${field}: the private key cannot be read`, field);
  }
  if (!matches) throw new AppError('SERVICE_KEY_INVALID', `${field}: the private key does not belong to the certificate`, field);
}
