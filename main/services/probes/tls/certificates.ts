/**
 * Certificates as the probes see them: the chain exactly as the peer sent it (read from the TLS
 * socket, guarding against the self-referencing issuerCertificate of a root), summaries for the
 * result (fingerprints equal `openssl x509 -fingerprint -sha256`), and the one property Node's
 * X509Certificate does not expose (the signature algorithm, read from the DER).
 */
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import type { CertificateSummary } from '../../../../shared/probe/probe-types';

const MAX_CHAIN = 16;

/**
 * The peer's chain, leaf first, as sent (the context has an empty trust store, so nothing is
 * appended). Walks X509Certificate.issuerCertificate (native, ~1 ms cheaper than the legacy
 * getPeerCertificate(true) objects); a root points at itself, so fingerprints stop the walk.
 */
export function peerChain(socket: TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let cert: X509Certificate | undefined = socket.getPeerX509Certificate();
  if (!cert) return legacyPeerChain(socket);
  while (cert && chain.length < MAX_CHAIN && !seen.has(cert.fingerprint256)) {
    seen.add(cert.fingerprint256);
    chain.push(cert);
    cert = cert.issuerCertificate;
  }
  return chain;
}

function legacyPeerChain(socket: TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let cert: PeerCertificate | undefined = socket.getPeerCertificate(true) as PeerCertificate | undefined;
  while (cert && cert.raw && chain.length < MAX_CHAIN) {
    const x = new X509Certificate(cert.raw);
    if (seen.has(x.fingerprint256)) break;
    seen.add(x.fingerprint256);
    chain.push(x);
    const next = (cert as PeerCertificate & { issuerCertificate?: PeerCertificate }).issuerCertificate;
    cert = next && next !== cert ? next : undefined;
  }
  return chain;
}

/** One-line DN the way `openssl x509 -subject -nameopt oneline` shows it. */
export function oneLineName(dn: string): string {
  return dn.split('\n').filter(Boolean).join(', ');
}

// Signature checks are the costly part of judging a chain, and the same pairs are asked about by
// the summary, both trust paths and the gap check: remember each answer per certificate object.
const issuedBy = new WeakMap<X509Certificate, WeakMap<X509Certificate, boolean>>();

export function isIssuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  let known = issuedBy.get(cert);
  if (!known) issuedBy.set(cert, (known = new WeakMap()));
  let answer = known.get(issuer);
  if (answer === undefined) {
    try {
      answer = cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
    } catch {
      answer = false;
    }
    known.set(issuer, answer);
  }
  return answer;
}

export function isSelfSigned(cert: X509Certificate): boolean {
  return isIssuedBy(cert, cert);
}

export function summarize(cert: X509Certificate): CertificateSummary {
  return {
    subject: oneLineName(cert.subject),
    issuer: oneLineName(cert.issuer),
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    serialNumber: cert.serialNumber,
    fingerprintSha256: cert.fingerprint256,
    selfSigned: isSelfSigned(cert),
  };
}

/** DER OIDs (content bytes, hex) of the SHA-1 signature algorithms. */
const SHA1_SIGNATURE_OIDS = new Set([
  '2a864886f70d010105', // sha1WithRSAEncryption
  '2a8648ce3d0401', // ecdsa-with-SHA1
  '2a8648ce380403', // dsa-with-sha1
  '2b0e03021d', // sha1WithRSASignature (OIW)
]);

/** Reads a DER tag-length header at `at`: where the content starts and how long it is. */
function derHeader(der: Buffer, at: number): { start: number; length: number } | undefined {
  const first = der[at + 1];
  if (first === undefined) return undefined;
  if (first < 0x80) return { start: at + 2, length: first };
  const n = first & 0x7f;
  if (n < 1 || n > 4) return undefined;
  let length = 0;
  for (let i = 0; i < n; i++) length = length * 256 + (der[at + 2 + i] ?? 0);
  return { start: at + 2 + n, length };
}

/** The certificate's outer signatureAlgorithm OID (hex), read straight from the DER: parsing the
 *  whole certificate with an ASN.1 library costs milliseconds per probe and this is all we need. */
export function signatureAlgorithmOid(cert: X509Certificate): string | undefined {
  const der = cert.raw;
  const outer = derHeader(der, 0);
  if (!outer) return undefined;
  const tbs = derHeader(der, outer.start);
  if (!tbs) return undefined;
  const algAt = tbs.start + tbs.length;
  const alg = derHeader(der, algAt);
  if (!alg || der[alg.start] !== 0x06) return undefined;
  const oid = derHeader(der, alg.start);
  return oid ? der.subarray(oid.start, oid.start + oid.length).toString('hex') : undefined;
}

export function isSha1Signed(cert: X509Certificate): boolean {
  const oid = signatureAlgorithmOid(cert);
  return oid !== undefined && SHA1_SIGNATURE_OIDS.has(oid);
}

/** Extended key usages as OIDs (Node exposes them as `keyUsage`); undefined when the extension is absent. */
export function extendedKeyUsages(cert: X509Certificate): string[] | undefined {
  const usages = (cert as X509Certificate & { keyUsage?: string[] }).keyUsage;
  return usages && usages.length ? usages : undefined;
}

export const CLIENT_AUTH_EKU = '1.3.6.1.5.5.7.3.2';

/** Splits a PEM bundle into X509Certificates, skipping blocks that do not parse. */
export function parsePemBundle(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const out: X509Certificate[] = [];
  for (const b of blocks) {
    try {
      out.push(new X509Certificate(b));
    } catch {
      // A broken block in a user's bundle is reported by the model checks, not here.
    }
  }
  return out;
}

export function hostNames(cert: X509Certificate): string {
  const san = cert.subjectAltName;
  if (san) return san.split(', ').map((s) => s.replace(/^(DNS|IP Address):/, '')).join(', ');
  return oneLineName(cert.subject);
}
