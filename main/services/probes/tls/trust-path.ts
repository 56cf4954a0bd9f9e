/**
 * Certification path building the way a Java/OpenSSL client does it, but against a trust set we
 * choose: the OS trust store plus the landscape's CAs (what the laptop / sender trusts) or the
 * modelled CI keystore (what Cloud Integration trusts). A certificate that is itself an anchor, or
 * is issued by one, ends the path. No AIA fetching, as CI does none either.
 */
import type { X509Certificate } from 'node:crypto';
import { fingerprintOf, isIssuedBy, isSelfSigned } from './certificates';

export interface TrustPath {
  trusted: boolean;
  /** The sent certificates the path used, leaf first. */
  path: X509Certificate[];
  /** The anchor that ended the path, when trusted. */
  anchor?: X509Certificate;
  /** When not trusted: the last certificate reached and whether the server sent its issuer. */
  top: X509Certificate;
  /** The sent, valid, self-signed root the path reached (what CI offers as "Add to keystore"). */
  sentRoot?: X509Certificate;
}

const subjects = new WeakMap<X509Certificate, string>();
/** fingerprint256 hashes the certificate on every read; the OS store has ~140 anchors per path. */
const printOf = fingerprintOf;
function subjectOf(c: X509Certificate): string {
  let s = subjects.get(c);
  if (s === undefined) subjects.set(c, (s = c.subject));
  return s;
}

/** Whether `cert` is itself one of the anchors (same bytes). */
function isAnchor(cert: X509Certificate, anchors: readonly X509Certificate[]): boolean {
  const print = printOf(cert);
  return anchors.some((a) => a === cert || printOf(a) === print);
}

/** The anchor that issued `cert`: candidates by name first (the OS store has ~140 roots), then a
 *  full scan, because names can match canonically without matching as strings. */
function issuingAnchor(cert: X509Certificate, anchors: readonly X509Certificate[]): X509Certificate | undefined {
  const issuer = cert.issuer;
  return anchors.find((a) => subjectOf(a) === issuer && isIssuedBy(cert, a)) ?? anchors.find((a) => subjectOf(a) !== issuer && isIssuedBy(cert, a));
}

export function buildTrustPath(sent: readonly X509Certificate[], anchors: readonly X509Certificate[]): TrustPath {
  const leaf = sent[0];
  if (!leaf) throw new Error('empty chain');
  const path: X509Certificate[] = [leaf];
  let current = leaf;
  for (let depth = 0; depth < 16; depth++) {
    if (isAnchor(current, anchors)) return { trusted: true, path, anchor: current, top: current };
    const anchor = issuingAnchor(current, anchors);
    if (anchor) return { trusted: true, path, anchor, top: current };
    if (isSelfSigned(current)) return { trusted: false, path, top: current, sentRoot: current };
    const next = sent.find((c) => !path.includes(c) && isIssuedBy(current, c));
    if (!next) return { trusted: false, path, top: current };
    path.push(next);
    current = next;
  }
  return { trusted: false, path, top: current };
}

/** True when the server's chain is cut short: the leaf's (or an intermediate's) issuer is neither sent nor a root anchor. */
export function findGap(sent: readonly X509Certificate[], anchors: readonly X509Certificate[]): X509Certificate | undefined {
  const built = buildTrustPath(sent, anchors);
  const top = built.top;
  if (isSelfSigned(top)) return undefined;
  if (built.trusted) {
    // Trusted through an anchor that is itself an intermediate: works here, fails elsewhere.
    return built.anchor && !isSelfSigned(built.anchor) && printOf(built.anchor) !== printOf(top) ? top : undefined;
  }
  // The path stops at a certificate the server sent whose issuer it did not send. A server is
  // expected to omit only the root: if what is missing is signed by nobody we know, report the gap
  // when the top is the leaf alone or the top is not a CA.
  return top === sent[0] || !top.ca ? top : undefined;
}
