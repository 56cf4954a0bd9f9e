/**
 * Orders a chain leaf → intermediates → root from a pool of candidates (what the CA sent plus the
 * landscape's CA certificates), verifying each signature, and says which issuer is missing.
 */
import type { ParsedCert } from './cert-read';

export interface OrderedChain {
  chain: ParsedCert[];
  complete: boolean;
  /** DN of the first issuer not found in the pool. */
  missingIssuer?: string;
  /** Supplied certificates that are not part of the chain. */
  unused: ParsedCert[];
}

function issues(issuer: ParsedCert, child: ParsedCert): boolean {
  try {
    return child.node.checkIssued(issuer.node) && child.node.verify(issuer.node.publicKey);
  } catch {
    return false;
  }
}

export function orderChain(leaf: ParsedCert, pool: ParsedCert[]): OrderedChain {
  const chain = [leaf];
  const seen = new Set([leaf.facts.fingerprintSha256]);
  let current = leaf;
  while (!current.facts.selfSigned && chain.length < 10) {
    const issuer = pool.find((c) => !seen.has(c.facts.fingerprintSha256) && issues(c, current));
    if (!issuer) {
      return { chain, complete: false, missingIssuer: current.facts.issuer, unused: unusedOf(pool, chain) };
    }
    chain.push(issuer);
    seen.add(issuer.facts.fingerprintSha256);
    current = issuer;
  }
  return { chain, complete: current.facts.selfSigned, unused: unusedOf(pool, chain) };
}

function unusedOf(pool: ParsedCert[], chain: ParsedCert[]): ParsedCert[] {
  const inChain = new Set(chain.map((c) => c.facts.fingerprintSha256));
  const seen = new Set<string>();
  return pool.filter((c) => {
    const fp = c.facts.fingerprintSha256;
    if (inChain.has(fp) || seen.has(fp)) return false;
    seen.add(fp);
    return true;
  });
}
