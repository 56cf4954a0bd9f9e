/**
 * The server checks JDK 17's JSSE makes besides the certification path, each as a finding with
 * Java's own text: protocol (CI: TLS 1.2 / 1.3 only), cipher suite and ephemeral key
 * (jdk.tls.disabledAlgorithms), the leaf's extended key usage (serverAuth when the extension is
 * present) and key usage against the negotiated key exchange (sun.security.validator.EndEntityChecker).
 */
import type { X509Certificate } from 'node:crypto';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { Finding } from '../../../../shared/probe/probe-types';
import { extendedKeyUsages, oneLineName } from './certificates';
import { KU, keyFacts, keyUsageBits } from './cert-facts';
import { disabledSignature, weakKey } from './jsse-path';

export interface NegotiatedTls {
  protocol: string;
  /** IANA name (TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384). */
  cipher: string;
  /** The server's ephemeral key (DH / ECDH), when the key exchange has one. */
  ephemeral?: { type: string; size: number };
}

const OLD_PROTOCOLS = new Set(['SSLv2', 'SSLv3', 'TLSv1', 'TLSv1.1']);
/** jdk.tls.disabledAlgorithms suites: RC4, DES, 3DES_EDE_CBC, anon, NULL, ECDH (static), export. */
const DISABLED_SUITE = /RC4|_DES_|DES40|3DES|_NULL_|_NULL$|anon|EXPORT|^TLS_ECDH_(?!E)|^TLS_ECDH_anon/;
/** What JDK 17 enables by default (TLS 1.3 suites; ECDHE / DHE / RSA with AES-GCM, AES-CBC, ChaCha20). */
const JAVA_SUITE =
  /^TLS_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256)$|^TLS_(ECDHE_(ECDSA|RSA)|DHE_(RSA|DSS)|RSA)_WITH_(AES_(128|256)_(GCM_SHA(256|384)|CBC_SHA(256|384)?)|CHACHA20_POLY1305_SHA256)$/;
const SERVER_EKUS = ['1.3.6.1.5.5.7.3.1', '2.5.29.37.0', '1.3.6.1.4.1.311.10.3.3', '2.16.840.1.113730.4.1'];

export function isOldProtocol(protocol: string): boolean {
  return OLD_PROTOCOLS.has(protocol);
}

/** Protocol, suite and ephemeral key as CI's JSSE client would meet them. */
export function negotiationFindings(tls: NegotiatedTls, client: string): Finding[] {
  const out: Finding[] = [];
  if (isOldProtocol(tls.protocol)) out.push(diagnose('tls.weak-protocol', { protocol: tls.protocol, client }));
  if (DISABLED_SUITE.test(tls.cipher)) out.push(diagnose('tls.cipher-disabled', { cipher: tls.cipher, client }));
  else if (!isOldProtocol(tls.protocol) && !JAVA_SUITE.test(tls.cipher)) out.push(diagnose('tls.cipher-unusual', { cipher: tls.cipher }));
  const e = tls.ephemeral;
  if (e && e.type === 'DH' && e.size < 1024) out.push(diagnose('tls.dh-too-small', { type: 'DH', bits: e.size, min: 1024 }));
  if (e && e.type === 'ECDH' && e.size < 224) out.push(diagnose('tls.dh-too-small', { type: 'ECDH', bits: e.size, min: 224 }));
  return out;
}

/** Which key usage the negotiated key exchange needs from the server certificate. */
function neededUsage(tls: NegotiatedTls): { bit: number; what: string; usage: string; exchange: string } {
  if (tls.protocol === 'TLSv1.3') return { bit: KU.digitalSignature, what: 'digital signatures', usage: 'digitalSignature', exchange: 'TLS 1.3 handshake' };
  if (/^TLS_RSA_WITH_/.test(tls.cipher)) return { bit: KU.keyEncipherment, what: 'key encipherment', usage: 'keyEncipherment', exchange: `RSA key exchange (${tls.cipher})` };
  if (/^TLS_ECDH_(ECDSA|RSA)_/.test(tls.cipher)) return { bit: KU.keyAgreement, what: 'key agreement', usage: 'keyAgreement', exchange: `static ECDH (${tls.cipher})` };
  return { bit: KU.digitalSignature, what: 'digital signatures', usage: 'digitalSignature', exchange: `signed key exchange (${tls.cipher})` };
}

/** The leaf's extended key usage and key usage (EndEntityChecker.checkTLSServer). */
export function leafFindings(leaf: X509Certificate, tls: NegotiatedTls, client: string): Finding[] {
  const out: Finding[] = [];
  const eku = extendedKeyUsages(leaf);
  if (eku && !eku.some((u) => SERVER_EKUS.includes(u))) out.push(diagnose('tls.eku-not-server', { client, subject: oneLineName(leaf.subject), usages: eku.map(ekuName).join(', ') }));
  const ku = keyUsageBits(leaf);
  const need = neededUsage(tls);
  if (ku && !ku[need.bit]) out.push(diagnose('tls.key-usage', { client, subject: oneLineName(leaf.subject), ...need }));
  return out;
}

/** Key sizes and signature algorithms below what Java and OpenSSL accept (errors), and RSA under 2048 bits (warning). */
export function algorithmFindings(chain: readonly X509Certificate[]): Finding[] {
  const out: Finding[] = [];
  for (const cert of chain) {
    const subject = () => oneLineName(cert.subject);
    const weak = weakKey(cert);
    if (weak) out.push(diagnose('tls.weak-key', { subject: subject(), ...weak, min: weak.algorithm === 'EC' ? 224 : 1024 }));
    else if (keyFacts(cert).algorithm === 'RSA' && keyFacts(cert).bits < 2048) out.push(diagnose('tls.small-key', { subject: subject(), bits: keyFacts(cert).bits }));
    const signature = disabledSignature(cert);
    if (signature) out.push(diagnose('tls.weak-signature', { subject: subject(), algorithm: signature }));
  }
  return out;
}

const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
};
function ekuName(oid: string): string {
  return EKU_NAMES[oid] ?? oid;
}
