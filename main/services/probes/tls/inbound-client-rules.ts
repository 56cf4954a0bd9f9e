/**
 * The client-certificate rules of Cloud Integration's load balancer, which terminates inbound mTLS
 * (SAP Help "Client Certificate Authentication (Inbound)"; notes 2801396, 2752867): EKU clientAuth
 * required, the full chain sent, no self-signed certificate on the default domain, SNI used.
 * Checked on the sender's material before the handshake, so the reason is named even when the load
 * balancer only answers with an alert.
 */
import { isIP } from 'node:net';
import type { X509Certificate } from 'node:crypto';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { Finding } from '../../../../shared/probe/probe-types';
import { CLIENT_AUTH_EKU, extendedKeyUsages, isIssuedBy, isSelfSigned, oneLineName } from './certificates';

const ANY_EKU = '2.5.29.37.0';

export function inboundClientCertificateFindings(chain: X509Certificate[], host: string, knownRoots: readonly X509Certificate[]): Finding[] {
  const leaf = chain[0];
  if (!leaf) return [];
  const out: Finding[] = [];
  const subject = oneLineName(leaf.subject);
  const eku = extendedKeyUsages(leaf);
  if (!eku || !eku.some((u) => u === CLIENT_AUTH_EKU || u === ANY_EKU)) out.push(diagnose('inbound.client-cert-no-eku', { subject }));
  if (isSelfSigned(leaf)) out.push(diagnose('inbound.client-cert-self-signed', { subject }));
  else if (chain.length === 1) {
    const issuedByRoot = knownRoots.some((r) => isSelfSigned(r) && isIssuedBy(leaf, r));
    if (!issuedByRoot) out.push(diagnose('inbound.client-cert-chain-incomplete', { subject, issuer: oneLineName(leaf.issuer) }));
  }
  if (isIP(host)) out.push(diagnose('inbound.no-sni', { host }));
  return out;
}
