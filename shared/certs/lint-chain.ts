/**
 * Findings about a chain as it will be uploaded: leaf first, each certificate issued by the next,
 * ending at a root. Pure: issuer links are compared by DN (main has already verified signatures).
 */
import type { CertFacts } from './cert-facts';
import { finding, type CertFinding } from './finding';

const WHERE = 'Certificates view → the certificate → chain (add the CA certificates to the landscape)';

export function lintChain(chain: CertFacts[]): CertFinding[] {
  if (chain.length === 0) return [];
  const out: CertFinding[] = [];
  const leaf = chain[0] as CertFacts;
  for (let i = 0; i + 1 < chain.length; i++) {
    const cur = chain[i] as CertFacts;
    const next = chain[i + 1] as CertFacts;
    if (cur.issuer !== next.subject) {
      const issuerAt = chain.findIndex((c) => c.subject === cur.issuer);
      out.push(
        finding(
          'chain-order',
          'error',
          issuerAt >= 0
            ? `Chain out of order: "${cur.subject}" is followed by "${next.subject}", but its issuer is at position ${issuerAt + 1}.`
            : `Chain broken after "${cur.subject}": the next certificate is not its issuer "${cur.issuer}".`,
          'Order the chain leaf → intermediates → root (this app orders it on export).',
          WHERE,
          cur.subject,
        ),
      );
    }
  }
  const last = chain[chain.length - 1] as CertFacts;
  if (!last.selfSigned) {
    out.push(
      finding(
        'chain-incomplete',
        'warning',
        `Chain incomplete: the issuer "${last.issuer}" of "${last.subject}" is missing${chain.length === 1 && last === leaf ? '' : ' at the end'}.`,
        `Add the certificate of "${last.issuer}" (from your CA's download page) to the landscape's CA certificates.`,
        WHERE,
        last.subject,
      ),
    );
  }
  return out;
}
