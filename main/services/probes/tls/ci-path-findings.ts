/**
 * The CI profile's trust verdict: JSSE's path (jsse-path.ts) against the modelled CI keystore,
 * turned into findings with Java's text and the fix in CI's own screens — the certificate to add to
 * the tenant keystore (offered only when the server sent a valid root, as CI's TLS test does).
 */
import type { X509Certificate } from 'node:crypto';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { Finding } from '../../../../shared/probe/probe-types';
import type { TrustSets } from './assess-chain';
import { fingerprintOf, isSelfSigned, oneLineName } from './certificates';
import { jssePath, type PathRefusal } from './jsse-path';
import { buildTrustPath, findGap } from './trust-path';

const DAY = 86_400_000;
const EXPIRY_WARNING_DAYS = 30;
const VALIDITY = 'javax.net.ssl.SSLHandshakeException: PKIX path validation failed: java.security.cert.CertPathValidatorException: validity check failed';

export function ciPathFindings(sent: X509Certificate[], host: string, trust: TrustSets, now: Date): Finding[] {
  const keystore = trust.ciKeystore ?? [];
  const out: Finding[] = [];
  for (const cert of sent) {
    const to = Date.parse(cert.validTo);
    const left = to - now.getTime();
    if (left >= 0 && left < EXPIRY_WARNING_DAYS * DAY) out.push(diagnose('tls.expires-soon', { subject: oneLineName(cert.subject), date: new Date(to).toISOString(), days: Math.floor(left / DAY) }));
  }
  const result = jssePath(sent, keystore, now);
  if (result.trusted && result.anchor) {
    const anchor = result.anchor;
    if (Date.parse(anchor.validTo) < now.getTime()) out.push(diagnose('tls.anchor-expired', { subject: oneLineName(anchor.subject), date: new Date(anchor.validTo).toISOString() }));
    const sentPrints = new Set(sent.map(fingerprintOf));
    if (!isSelfSigned(anchor) && !sentPrints.has(fingerprintOf(anchor))) out.push(diagnose('tls.intermediate-from-keystore', { subject: oneLineName(anchor.subject) }));
    return out;
  }
  out.push(...refusalFindings(result.refusal ?? { kind: 'no-path' }, sent, host, keystore, now));
  return out;
}

function refusalFindings(r: PathRefusal, sent: X509Certificate[], host: string, keystore: X509Certificate[], now: Date): Finding[] {
  switch (r.kind) {
    case 'empty-keystore':
      return [...untrusted(sent, host, keystore, now), diagnose('tls.pkix-empty-keystore', { host })];
    case 'no-path':
      return untrusted(sent, host, keystore, now);
    case 'expired':
    case 'not-yet-valid': {
      const f = diagnose(r.kind === 'expired' ? 'tls.expired' : 'tls.not-yet-valid', { subject: oneLineName(r.cert.subject), date: r.date });
      return [{ ...f, literal: `${VALIDITY}: ${f.literal ?? ''}`.trim() }];
    }
    case 'not-ca':
      return [diagnose('tls.not-a-ca', { subject: oneLineName(r.cert.subject) })];
    case 'no-cert-sign':
      return [diagnose('tls.ca-no-cert-sign', { subject: oneLineName(r.cert.subject) })];
    case 'weak-key':
      return [diagnose('tls.weak-key', { subject: oneLineName(r.cert.subject), algorithm: r.algorithm, bits: r.bits, min: r.algorithm === 'EC' ? 224 : 1024 })];
    case 'weak-signature':
      return [diagnose('tls.weak-signature', { subject: oneLineName(r.cert.subject), algorithm: r.algorithm })];
  }
}

/** No path to the keystore: name what to add, and a gap in what the server sends. */
function untrusted(sent: X509Certificate[], host: string, keystore: X509Certificate[], now: Date): Finding[] {
  const out: Finding[] = [];
  const gap = findGap(sent, keystore);
  if (gap) out.push(diagnose('tls.missing-intermediate', { subject: oneLineName(gap.subject), issuer: oneLineName(gap.issuer) }));
  const ci = buildTrustPath(sent, keystore);
  const root = ci.sentRoot;
  const validRoot = root && Date.parse(root.validTo) > now.getTime() && Date.parse(root.validFrom) <= now.getTime();
  if (root && validRoot) {
    out.push(diagnose('tls.pkix-path', { host, root: oneLineName(root.subject), fingerprint: root.fingerprint256 }));
    out.push(diagnose('tls.add-root-offered', { root: oneLineName(root.subject) }));
  } else {
    out.push(diagnose('tls.pkix-root-not-sent', { host, root: oneLineName(ci.top.issuer) }));
  }
  return out;
}
