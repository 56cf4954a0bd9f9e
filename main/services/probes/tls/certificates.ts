/**
 * Certificates as the probes see them: the chain exactly as the peer sent it (read from the TLS
 * socket, guarding against the self-referencing issuerCertificate of a root), summaries for the
 * result (fingerprints equal `openssl x509 -fingerprint -sha256`), and the few properties Node's
 * X509Certificate does not expose (the signature hash, via @peculiar/x509).
 */
import 'reflect-metadata';
import { X509Certificate } from 'node:crypto';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import * as px509 from '@peculiar/x509';
import type { CertificateSummary } from '../../../../shared/probe/probe-types';

const MAX_CHAIN = 16;

/** The peer's chain, leaf first, as sent (the context has an empty trust store, so nothing is appended). */
export function peerChain(socket: TLSSocket): X509Certificate[] {
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

export function isSelfSigned(cert: X509Certificate): boolean {
  try {
    return cert.checkIssued(cert) && cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

export function isIssuedBy(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
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

/** The hash of the certificate's signature algorithm ('SHA-1', 'SHA-256', …), or undefined if unreadable. */
export function signatureHash(cert: X509Certificate): string | undefined {
  try {
    const parsed = new px509.X509Certificate(cert.raw);
    const alg = parsed.signatureAlgorithm as { hash?: { name?: string } };
    return alg.hash?.name;
  } catch {
    return undefined;
  }
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
