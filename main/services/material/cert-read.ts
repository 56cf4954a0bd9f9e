/**
 * Reads certificates from whatever a CA sends back: one PEM, a PEM bundle, DER, or PKCS#7
 * (PEM or DER), and extracts the plain facts the shared lint works on.
 */
import { createHash, X509Certificate as NodeCert } from 'node:crypto';
import { AppError } from '../../../shared/result';
import type { CertFacts } from '../../../shared/certs/cert-facts';
import { publicKeySha256 } from './key-pairs';
import { findPemBlocks } from './pem-blocks';
import { x509 } from './x509-setup';

export interface ParsedCert {
  pem: string;
  der: Buffer;
  node: NodeCert;
  facts: CertFacts;
}

const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
};

export function readCertificates(input: string | Uint8Array): ParsedCert[] {
  const text = typeof input === 'string' ? input : looksLikeText(input) ? Buffer.from(input).toString('utf8') : undefined;
  const ders: Buffer[] = [];
  try {
    if (text !== undefined && text.includes('-----BEGIN CERTIFICATE-----')) {
      for (const b of findPemBlocks(text, ['CERTIFICATE'])) ders.push(Buffer.from(b.body.replace(/\s+/g, ''), 'base64'));
    } else if (text !== undefined && text.includes('-----BEGIN PKCS7-----')) {
      // The block's DER, not the text: @peculiar/x509's own PEM regex is quadratic on many BEGIN lines.
      for (const b of findPemBlocks(text, ['PKCS7'], 1)) for (const c of new x509.X509Certificates(Buffer.from(b.body.replace(/\s+/g, ''), 'base64'))) ders.push(Buffer.from(c.rawData));
    } else if (text === undefined) {
      ders.push(...readBinary(Buffer.from(input as Uint8Array)));
    }
  } catch {
    throw new AppError('CERT_UNREADABLE', 'The file is not a readable certificate (PEM, DER or PKCS#7 expected).', 'certificate');
  }
  if (ders.length === 0) throw new AppError('CERT_UNREADABLE', 'No certificate found (PEM, DER or PKCS#7 expected).', 'certificate');
  return ders.map(parseDer);
}

function looksLikeText(data: Uint8Array): boolean {
  return data.length > 0 && data[0] !== 0x30;
}

function readBinary(der: Buffer): Buffer[] {
  try {
    return [Buffer.from(new x509.X509Certificate(der).rawData)];
  } catch {
    return [...new x509.X509Certificates(der)].map((c) => Buffer.from(c.rawData));
  }
}

export function parseDer(der: Buffer): ParsedCert {
  try {
    return readFacts(der);
  } catch {
    // Any part may throw on a damaged certificate: the parsers, the public key getter (a key
    // OpenSSL cannot load), an extension decoder, an invalid date's toISOString.
    throw new AppError('CERT_UNREADABLE', 'A certificate in the file could not be parsed.', 'certificate');
  }
}

function readFacts(der: Buffer): ParsedCert {
  const p = new x509.X509Certificate(der);
  const node = new NodeCert(der);
  const key = node.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const ekuExt = p.getExtension(x509.ExtendedKeyUsageExtension);
  const alg = p.signatureAlgorithm as { name: string; hash?: { name: string } };
  const facts: CertFacts = {
    subject: p.subject,
    issuer: p.issuer,
    serialNumber: p.serialNumber,
    notBefore: p.notBefore.toISOString(),
    notAfter: p.notAfter.toISOString(),
    selfSigned: p.subject === p.issuer && safeVerify(node),
    isCa: node.ca,
    signatureHash: alg.hash?.name ?? alg.name,
    keyAlgorithm: key.asymmetricKeyType === 'rsa' ? 'RSA' : key.asymmetricKeyType === 'ec' ? 'EC' : key.asymmetricKeyType === 'ed25519' ? 'Ed25519' : 'other',
    extendedKeyUsage: ekuExt ? ekuExt.usages.map((u) => EKU_NAMES[String(u)] ?? String(u)) : null,
    fingerprintSha256: node.fingerprint256,
    publicKeySha256: publicKeySha256(key),
    derBytes: der.length,
  };
  if (details.modulusLength) facts.keyBits = details.modulusLength;
  if (details.namedCurve) facts.curve = details.namedCurve;
  return { pem: toPem(der), der, node, facts };
}

function safeVerify(node: NodeCert): boolean {
  try {
    return node.verify(node.publicKey);
  } catch {
    return false;
  }
}

export function toPem(der: Buffer): string {
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`;
}

export function sha256Hex(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
