/**
 * Findings across a landscape's inbound service-key certificates (BTP cockpit, External Certificate).
 */
import { validityDays, type CertFacts } from './cert-facts';
import { finding, type CertFinding } from './finding';

export interface ServiceKeyCert {
  /** The service key or credential the certificate belongs to. */
  label: string;
  facts: CertFacts;
}

const WHERE = 'BTP cockpit: Instances and Subscriptions → Process Integration Runtime instance → Service Keys';

export function lintServiceKeyCerts(certs: ServiceKeyCert[]): CertFinding[] {
  const out: CertFinding[] = [];
  const byDn = new Map<string, string[]>();
  for (const { label, facts } of certs) {
    const key = `${facts.subject}\u0000${facts.issuer}`;
    byDn.set(key, [...(byDn.get(key) ?? []), label]);
    const days = validityDays(facts);
    if (days > 365) {
      out.push(
        finding(
          'service-key-validity',
          'warning',
          `"${label}": validity of ${Math.round(days)} days exceeds the 365 days a service-key certificate may have.`,
          'Have a certificate valid for at most 365 days issued and create the service key with it.',
          WHERE,
          facts.subject,
        ),
      );
    }
  }
  for (const [key, labels] of byDn) {
    if (labels.length < 2) continue;
    const [subject, issuer] = key.split('\u0000') as [string, string];
    out.push(
      finding(
        'duplicate-subject-issuer',
        'error',
        `${labels.map((l) => `"${l}"`).join(' and ')} share subject "${subject}" and issuer "${issuer}": Cloud Integration cannot tell which service key a call belongs to.`,
        'Give each client its own subject DN (e.g. a distinct CN) and re-issue, or pin the certificate on one service key only.',
        WHERE,
        subject,
      ),
    );
  }
  return out;
}
