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
  while (cert && chain.length < MAX_CHAIN) {
    const print = cert.fingerprint256;
    if (seen.has(print)) break;
    seen.add(print);
    chain.push(canonicalCertificate(cert, print));
    cert = cert.issuerCertificate;
  }
  return chain;
}

// Each handshake hands over fresh X509Certificate objects, and every property read on a fresh one
// (subject, names, validity, key usage, the DER itself) is parsed again in C++. Re-probing a server,
// probe-all over pathways to one host and the keystore's own copy of a root all present the same
// DER: the first object seen for a SHA-256 fingerprint stands for it from then on, so Node's
// per-object property caches and the per-object answers below (issuer checks, key facts, key
// usage, summaries) are computed once per certificate, not once per probe. Objects are immutable;
// what depends on the time (validity) is still judged on every probe.
const canonical = new Map<string, X509Certificate>();
const MAX_CANONICAL = 1024;

/** The one object standing for this certificate's DER (bounded; the oldest is forgotten first). */
export function canonicalCertificate(cert: X509Certificate, print = cert.fingerprint256): X509Certificate {
  const known = canonical.get(print);
  if (known) return known;
  if (canonical.size >= MAX_CANONICAL) canonical.delete(canonical.keys().next().value as string);
  canonical.set(print, cert);
  prints.set(cert, print);
  return cert;
}

function legacyPeerChain(socket: TLSSocket): X509Certificate[] {
  const chain: X509Certificate[] = [];
  const seen = new Set<string>();
  let cert: PeerCertificate | undefined = socket.getPeerCertificate(true) as PeerCertificate | undefined;
  while (cert && cert.raw && chain.length < MAX_CHAIN) {
    const x = new X509Certificate(cert.raw);
    const print = x.fingerprint256;
    if (seen.has(print)) break;
    seen.add(print);
    chain.push(canonicalCertificate(x, print));
    const next = (cert as PeerCertificate & { issuerCertificate?: PeerCertificate }).issuerCertificate;
    cert = next && next !== cert ? next : undefined;
  }
  return chain;
}

/** One-line DN the way `openssl x509 -subject -nameopt oneline` shows it. */
export function oneLineName(dn: string): string {
  return dn.split('\n').filter(Boolean).join(', ');
}

// Judging a chain asks "did B issue A?" for the sent certificates against each other and against
// every trust anchor (~140 in an OS store). Each probe reads the chain afresh, but the anchors are
// long-lived objects and pathways to one server (and every re-probe) present the same certificates:
// the answer depends only on the two certificates' bytes, so each issuer remembers it by the
// subject's SHA-256 fingerprint (bounded). Validity dates are judged per probe, never remembered.
const answersByIssuer = new WeakMap<X509Certificate, Map<string, boolean>>();
const MAX_ANSWERS_PER_ISSUER = 1024;
const verifiedPairs = new Map<string, boolean>();
const MAX_REMEMBERED_PAIRS = 8192;
const prints = new WeakMap<X509Certificate, string>();

/** The SHA-256 fingerprint, computed once per object (the getter hashes the DER on every read). */
export function fingerprintOf(cert: X509Certificate): string {
  let p = prints.get(cert);
  if (p === undefined) prints.set(cert, (p = cert.fingerprint256));
  return p;
}

export function isIssuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  let known = answersByIssuer.get(issuer);
  if (!known) answersByIssuer.set(issuer, (known = new Map()));
  const print = fingerprintOf(cert);
  let answer = known.get(print);
  if (answer === undefined) {
    answer = checkIssued(cert, issuer) && verifiedBy(cert, issuer);
    if (known.size >= MAX_ANSWERS_PER_ISSUER) known.delete(known.keys().next().value as string);
    known.set(print, answer);
  }
  return answer;
}

/** Names and key identifiers only (cheap, native): most candidate issuers fail here. */
function checkIssued(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer);
  } catch {
    return false;
  }
}

/** The signature check (an ECDSA/RSA verify), remembered by the two fingerprints. */
function verifiedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  const key = `${fingerprintOf(cert)}>${fingerprintOf(issuer)}`;
  let answer = verifiedPairs.get(key);
  if (answer === undefined) {
    try {
      answer = cert.verify(issuer.publicKey);
    } catch {
      answer = false;
    }
    if (verifiedPairs.size >= MAX_REMEMBERED_PAIRS) verifiedPairs.delete(verifiedPairs.keys().next().value as string);
    verifiedPairs.set(key, answer);
  }
  return answer;
}

/** Subject equals issuer and the certificate verifies with its own key. Not checkIssued(): OpenSSL
 *  refuses a leaf as its own issuer when its key usage lacks keyCertSign, which would hide every
 *  self-signed server or client certificate with a key usage extension. */
export function isSelfSigned(cert: X509Certificate): boolean {
  return cert.subject === cert.issuer && verifiedBy(cert, cert);
}

const summaries = new WeakMap<X509Certificate, CertificateSummary>();

/** The certificate as a result shows it (a fresh copy: results are the caller's to change). */
export function summarize(cert: X509Certificate): CertificateSummary {
  let s = summaries.get(cert);
  if (!s) {
    s = {
      subject: oneLineName(cert.subject),
      issuer: oneLineName(cert.issuer),
      notBefore: new Date(cert.validFrom).toISOString(),
      notAfter: new Date(cert.validTo).toISOString(),
      serialNumber: cert.serialNumber,
      fingerprintSha256: fingerprintOf(cert),
      selfSigned: isSelfSigned(cert),
    };
    summaries.set(cert, s);
  }
  return { ...s };
}

/** DER OIDs (content bytes, hex) of the SHA-1 signature algorithms. */
const SHA1_SIGNATURE_OIDS = new Set([
  '2a864886f70d010105', // sha1WithRSAEncryption
  '2a8648ce3d0401', // ecdsa-with-SHA1
  '2a8648ce380403', // dsa-with-sha1
  '2b0e03021d', // sha1WithRSASignature (OIW)
]);

/** Reads a DER tag-length header at `at`: where the content starts and how long it is. */
export function derHeader(der: Buffer, at: number): { start: number; length: number } | undefined {
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
const signatureOids = new WeakMap<X509Certificate, string | null>();

export function signatureAlgorithmOid(cert: X509Certificate): string | undefined {
  let oid = signatureOids.get(cert);
  if (oid === undefined) signatureOids.set(cert, (oid = readSignatureOid(cert) ?? null));
  return oid ?? undefined;
}

function readSignatureOid(cert: X509Certificate): string | undefined {
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

// Every probe plans with the landscape's CAs and keystore certificates; parsing them costs ~0.2 ms
// each per probe. Parsed bundles are kept by their text (immutable objects), which also lets the
// issuers' remembered answers above serve the next probe.
const parsedBundles = new Map<string, X509Certificate[]>();
const MAX_PARSED_BUNDLES = 256;

/** Splits a PEM bundle into X509Certificates, skipping blocks that do not parse. */
export function parsePemBundle(pem: string): X509Certificate[] {
  let parsed = parsedBundles.get(pem);
  if (!parsed) {
    if (parsedBundles.size >= MAX_PARSED_BUNDLES) parsedBundles.delete(parsedBundles.keys().next().value as string);
    parsedBundles.set(pem, (parsed = parseBundle(pem)));
  }
  return [...parsed];
}

function parseBundle(pem: string): X509Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const out: X509Certificate[] = [];
  for (const b of blocks) {
    try {
      out.push(canonicalCertificate(new X509Certificate(b)));
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
