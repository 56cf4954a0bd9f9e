/**
 * THE entry point for judging a TLS server as a given client (ARCHITECTURE.md, "TLS client
 * profiles"). Every probe that speaks TLS — the `tls` command, HTTPS, SMTP (STARTTLS / SMTPS), and
 * whatever protocol comes next (FTPS, IMAPS, AMQPS) — hands the handshake to `judgeTlsServer` and
 * reports its findings; nothing else decides whether a chain is acceptable.
 *
 * - `ci`: Cloud Integration as the client (outbound pathways, `tls --as ci`): Java's JSSE with CI's
 *   settings — TLS 1.2 / 1.3, trust = the modelled CI keystore only, PKIX as JDK 17 builds it,
 *   EKU/KU of the leaf, Java's HTTPS host name identification, the JDK's disabled algorithms, no
 *   AIA. An error here means JSSE refuses (proven against a real JVM: test/jsse/). Warnings are what
 *   the app says beyond Java (named in the matrix test).
 * - `sender`: the sender system or this laptop (inbound pathways, `tls` by default): trust = OS
 *   store + landscape CAs (+ --ca); failed for what both Java and a current OpenSSL refuse, a
 *   warning for what only one of them refuses.
 */
import type { X509Certificate } from 'node:crypto';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { Finding } from '../../../../shared/probe/probe-types';
import { assessChain, type TrustSets } from './assess-chain';
import { isSelfSigned, isSha1Signed as isSha1, oneLineName } from './certificates';
import { ciPathFindings } from './ci-path-findings';
import { javaHostnameRefusal } from './java-hostname';
import { algorithmFindings, isOldProtocol, leafFindings, negotiationFindings, type NegotiatedTls } from './jsse-rules';

export type TlsClientProfile = 'ci' | 'sender';

/** How the result names the client whose verdict it is (probe panel, CLI). */
export const TLS_PROFILE_LABELS: Record<TlsClientProfile, string> = {
  ci: 'Cloud Integration (Java JSSE: TLS 1.2/1.3, trusts only the modelled CI keystore)',
  sender: 'Sender / this laptop (OS trust store and the landscape’s CAs; fails what Java and OpenSSL 3 both refuse)',
};
const CLIENT: Record<TlsClientProfile, string> = { ci: 'Cloud Integration (Java)', sender: 'Current clients (Java, OpenSSL 3)' };
/** OpenSSL's words where the sender profile reports what OpenSSL refuses too. */
const OPENSSL_LITERAL: Record<string, string> = {
  'tls.weak-protocol': 'error:0A000102:SSL routines::unsupported protocol',
  'tls.eku-not-server': 'verify error: unsupported certificate purpose',
};

const HANDSHAKE_FAILURE = 'javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure';

/** The profile a trust set implies: a modelled CI keystore means CI is the client. */
export function clientProfileOf(trust: TrustSets): TlsClientProfile {
  return trust.profile ?? (trust.ciKeystore ? 'ci' : 'sender');
}

export interface ServerHandshake extends NegotiatedTls {
  /** The chain exactly as the server sent it, leaf first. */
  chain: X509Certificate[];
}

export interface TlsJudgement {
  profile: TlsClientProfile;
  findings: Finding[];
  /** No error: the client of this profile connects. */
  accepted: boolean;
}

export function judgeTlsServer(hs: ServerHandshake, host: string, trust: TrustSets, now: Date): TlsJudgement {
  const profile = clientProfileOf(trust);
  const findings = profile === 'ci' ? judgeAsCi(hs, host, trust, now) : judgeAsSender(hs, host, trust, now);
  return { profile, findings, accepted: !findings.some((f) => f.severity === 'error') };
}

function judgeAsCi(hs: ServerHandshake, host: string, trust: TrustSets, now: Date): Finding[] {
  const leaf = hs.chain[0];
  const out = negotiationFindings(hs, CLIENT.ci);
  if (!leaf) return out;
  // In TLS 1.3 a server that honours signature_algorithms_cert (OpenSSL does) aborts before Java
  // ever sees an MD5-signed chain: Java then reports the alert, not the path check.
  const tls13 = hs.protocol === 'TLSv1.3';
  out.push(...ciPathFindings(hs.chain, host, trust, now).map((f) => (tls13 && f.code === 'tls.weak-signature' ? { ...f, literal: HANDSHAKE_FAILURE } : f)));
  out.push(...leafFindings(leaf, hs, CLIENT.ci));
  const refusal = javaHostnameRefusal(leaf, host);
  if (refusal) out.push({ ...diagnose('tls.hostname-mismatch', { host, names: namesOf(leaf) }), literal: `java.security.cert.CertificateException: ${refusal}` });
  // Said beyond Java (warnings): RSA under 2048, SHA-1 signatures, a self-signed server.
  out.push(...algorithmFindings(hs.chain).filter((f) => f.severity === 'warning'));
  for (const cert of hs.chain) if (!isSelfSigned(cert) && isSha1(cert)) out.push(diagnose('tls.sha1', { subject: oneLineName(cert.subject) }));
  if (hs.chain.length === 1 && isSelfSigned(leaf)) out.push(diagnose('tls.self-signed', { subject: oneLineName(leaf.subject) }));
  // What the laptop / sender trusts only informs here (CI's keystore decides); a pathway's probe
  // passes it as 'info' and then nothing of it is reported, so the OS store is not walked at all.
  if (trust.localRole !== 'info') out.push(...assessChain(hs.chain, host, { ...trust, ciKeystore: undefined }, now).filter((f) => f.code === 'tls.untrusted-os'));
  return dedupe(out);
}

function judgeAsSender(hs: ServerHandshake, host: string, trust: TrustSets, now: Date): Finding[] {
  const leaf = hs.chain[0];
  const out: Finding[] = [];
  if (isOldProtocol(hs.protocol)) out.push(diagnose('tls.weak-protocol', { protocol: hs.protocol, client: CLIENT.sender }));
  if (leaf) out.push(...leafFindings(leaf, hs, CLIENT.sender), ...algorithmFindings(hs.chain));
  out.push(...assessChain(hs.chain, host, trust, now));
  return dedupe(out.map((f) => (OPENSSL_LITERAL[f.code] ? { ...f, literal: OPENSSL_LITERAL[f.code] } : f)));
}

function namesOf(leaf: X509Certificate): string {
  const san = leaf.subjectAltName;
  return san ? san.split(', ').map((s) => s.replace(/^(DNS|IP Address):/, '')).join(', ') : oneLineName(leaf.subject);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
