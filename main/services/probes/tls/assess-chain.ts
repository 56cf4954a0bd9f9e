/**
 * What a TLS client will say about the chain a server sent: hostname vs SANs, validity, SHA-1,
 * missing intermediates, and trust against two sets — what the sender or this laptop trusts, and
 * the modelled CI keystore, which predicts CI's `PKIX path building failed` and names the
 * certificate to add (offered only when the server sent a valid root, as CI's TLS test does).
 */
import { isIP } from 'node:net';
import type { X509Certificate } from 'node:crypto';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { Finding } from '../../../../shared/probe/probe-types';
import { hostNames, isSelfSigned, isSha1Signed, oneLineName } from './certificates';
import { buildTrustPath, findGap } from './trust-path';

export interface TrustSets {
  /** OS trust store + the landscape's CAs (+ --ca files). */
  local: X509Certificate[];
  /** How a local failure counts: the sender (inbound) must trust it; for CI-side probes it informs. */
  localRole: 'sender' | 'laptop' | 'info';
  /** The modelled CI keystore's trusted certificates; undefined when CI is not the client. */
  ciKeystore?: X509Certificate[];
  /** Which client's verdict the probe gives (client-profile.ts); default: `ci` when ciKeystore is set. */
  profile?: 'ci' | 'sender';
}

const DAY = 86_400_000;
const EXPIRY_WARNING_DAYS = 30;

export function assessChain(sent: X509Certificate[], host: string, trust: TrustSets, now: Date): Finding[] {
  const findings: Finding[] = [];
  const leaf = sent[0];
  if (!leaf) return findings;
  const matches = isIP(host) ? leaf.checkIP(host) !== undefined : leaf.checkHost(host) !== undefined;
  if (!matches) findings.push(diagnose('tls.hostname-mismatch', { host, names: hostNames(leaf) }));

  for (const cert of sent) {
    const subject = oneLineName(cert.subject);
    const from = Date.parse(cert.validFrom);
    const to = Date.parse(cert.validTo);
    if (to < now.getTime()) findings.push(diagnose('tls.expired', { subject, date: new Date(to).toISOString() }));
    else if (from > now.getTime()) findings.push(diagnose('tls.not-yet-valid', { subject, date: new Date(from).toISOString() }));
    else if (to - now.getTime() < EXPIRY_WARNING_DAYS * DAY) {
      findings.push(diagnose('tls.expires-soon', { subject, date: new Date(to).toISOString(), days: Math.floor((to - now.getTime()) / DAY) }));
    }
    // A root's self-signature is never checked by clients; SHA-1 matters below it.
    if (!isSelfSigned(cert) && isSha1Signed(cert)) findings.push(diagnose('tls.sha1', { subject }));
  }

  if (sent.length === 1 && isSelfSigned(leaf)) findings.push(diagnose('tls.self-signed', { subject: oneLineName(leaf.subject) }));
  const gap = findGap(sent, [...trust.local, ...(trust.ciKeystore ?? [])]);
  if (gap) {
    findings.push(diagnose('tls.missing-intermediate', { subject: oneLineName(gap.subject), issuer: oneLineName(gap.issuer) }));
  }

  const local = buildTrustPath(sent, trust.local);
  if (!local.trusted && trust.localRole !== 'info') {
    const root = local.sentRoot ? oneLineName(local.sentRoot.subject) : oneLineName(local.top.issuer);
    const detail = local.sentRoot ? `the root "${root}" it sends is not trusted` : `no trusted issuer for "${oneLineName(local.top.subject)}"`;
    const f = diagnose(trust.localRole === 'sender' ? 'tls.untrusted-sender' : 'tls.untrusted-os', { host, root, detail });
    if (trust.localRole === 'laptop' && !trust.ciKeystore) f.severity = 'error';
    findings.push(f);
  }

  if (trust.ciKeystore) {
    const ci = buildTrustPath(sent, trust.ciKeystore);
    if (!ci.trusted) {
      const validRoot = ci.sentRoot && Date.parse(ci.sentRoot.validTo) > now.getTime() && Date.parse(ci.sentRoot.validFrom) <= now.getTime();
      if (validRoot && ci.sentRoot) {
        const root = oneLineName(ci.sentRoot.subject);
        findings.push(diagnose('tls.pkix-path', { host, root, fingerprint: ci.sentRoot.fingerprint256 }));
        findings.push(diagnose('tls.add-root-offered', { root }));
      } else {
        findings.push(diagnose('tls.pkix-root-not-sent', { host, root: oneLineName(ci.top.issuer) }));
      }
    }
  }
  return findings;
}
