/**
 * PKIX as JDK 17's PKIXValidator and SunCertPathBuilder do it for CI: the anchors are the keystore's
 * certificates (any of them, intermediates and the leaf too), the path may use any certificate the
 * server sent in any order (a cross-signed root sent first does not hide the way to an older root),
 * nothing is fetched (no AIA). Each certificate below the anchor is checked for validity, CA basic
 * constraints and keyCertSign, and the algorithm constraints of `jdk.certpath.disabledAlgorithms`;
 * the anchor is not date-checked (Java accepts an expired trust anchor) but its key size is.
 */
import type { X509Certificate } from 'node:crypto';
import { fingerprintOf, isIssuedBy, oneLineName, signatureAlgorithmOid } from './certificates';
import { KU, keyFacts, keyUsageBits } from './cert-facts';

export type PathRefusal =
  | { kind: 'empty-keystore' }
  | { kind: 'no-path' }
  | { kind: 'expired' | 'not-yet-valid'; cert: X509Certificate; date: string }
  | { kind: 'not-ca'; cert: X509Certificate }
  | { kind: 'no-cert-sign'; cert: X509Certificate }
  | { kind: 'weak-key'; cert: X509Certificate; algorithm: string; bits: number }
  | { kind: 'weak-signature'; cert: X509Certificate; algorithm: string };

export interface JssePath {
  trusted: boolean;
  /** Leaf first, up to (not including) the anchor. */
  path: X509Certificate[];
  anchor?: X509Certificate;
  refusal?: PathRefusal;
}

/** jdk.certpath.disabledAlgorithms (JDK 17): MD2, MD5; RSA and DSA < 1024 bits; EC < 224 bits. */
const DISABLED_SIGNATURES: Record<string, string> = {
  '2a864886f70d010102': 'MD2withRSA',
  '2a864886f70d010104': 'MD5withRSA',
};
const MIN_KEY_BITS: Record<string, number> = { RSA: 1024, DSA: 1024, EC: 224 };
const MAX_DEPTH = 10;

export function weakKey(cert: X509Certificate): { algorithm: string; bits: number } | undefined {
  const k = keyFacts(cert);
  const min = MIN_KEY_BITS[k.algorithm];
  return min !== undefined && k.bits < min ? k : undefined;
}

export function disabledSignature(cert: X509Certificate): string | undefined {
  return DISABLED_SIGNATURES[signatureAlgorithmOid(cert) ?? ''];
}

export function jssePath(sent: readonly X509Certificate[], anchors: readonly X509Certificate[], now: Date): JssePath {
  const leaf = sent[0];
  if (!leaf || !anchors.length) return { trusted: false, path: leaf ? [leaf] : [], refusal: { kind: 'empty-keystore' } };
  const anchorPrints = new Set(anchors.map(fingerprintOf));
  let firstFailure: JssePath | undefined;
  for (const candidate of candidatePaths([leaf], sent, anchors, anchorPrints)) {
    const refusal = validate(candidate.path, candidate.anchor, now);
    if (!refusal) return { trusted: true, ...candidate };
    firstFailure ??= { trusted: false, ...candidate, refusal };
  }
  return firstFailure ?? { trusted: false, path: [leaf], refusal: { kind: 'no-path' } };
}

/** Every way from the leaf to an anchor (depth-first, sent certificates in the order sent). */
function* candidatePaths(
  path: X509Certificate[],
  sent: readonly X509Certificate[],
  anchors: readonly X509Certificate[],
  anchorPrints: Set<string>,
): Generator<{ path: X509Certificate[]; anchor: X509Certificate }> {
  const current = path[path.length - 1]!;
  if (anchorPrints.has(fingerprintOf(current))) {
    // The certificate is itself in the keystore: it is the anchor, the path ends below it.
    yield { path: path.slice(0, -1), anchor: current };
    return;
  }
  for (const a of anchors) if (isIssuedBy(current, a)) yield { path, anchor: a };
  if (path.length >= MAX_DEPTH) return;
  for (const next of sent) {
    if (path.includes(next) || !isIssuedBy(current, next) || fingerprintOf(next) === fingerprintOf(current)) continue;
    yield* candidatePaths([...path, next], sent, anchors, anchorPrints);
  }
}

function validate(path: X509Certificate[], anchor: X509Certificate, now: Date): PathRefusal | undefined {
  const anchorKey = weakKey(anchor);
  if (anchorKey) return { kind: 'weak-key', cert: anchor, ...anchorKey };
  for (let i = path.length - 1; i >= 0; i--) {
    const cert = path[i]!;
    const signature = disabledSignature(cert);
    if (signature) return { kind: 'weak-signature', cert, algorithm: signature };
    const key = weakKey(cert);
    if (key) return { kind: 'weak-key', cert, ...key };
    const from = Date.parse(cert.validFrom);
    const to = Date.parse(cert.validTo);
    if (to < now.getTime()) return { kind: 'expired', cert, date: new Date(to).toISOString() };
    if (from > now.getTime()) return { kind: 'not-yet-valid', cert, date: new Date(from).toISOString() };
    if (i > 0) {
      if (!cert.ca) return { kind: 'not-ca', cert };
      const ku = keyUsageBits(cert);
      if (ku && !ku[KU.keyCertSign]) return { kind: 'no-cert-sign', cert };
    }
  }
  return undefined;
}

export function describeRefusal(r: PathRefusal): string {
  return 'cert' in r ? `${r.kind} (${oneLineName(r.cert.subject)})` : r.kind;
}
