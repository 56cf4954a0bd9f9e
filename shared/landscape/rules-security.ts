/**
 * Security-material rules: keystore aliases (SAP-owned names are refused by CI), the material an
 * outbound method needs named, and seed 002's advice to prefer certificates in production.
 */
import type { Finding } from '../probe/probe-types';
import type { Landscape, Pathway } from './landscape-schema';
import { ciIsClient, deriveDirection } from './protocols';
import { AUTH_LABELS } from './vocabulary';

const SAP_ALIASES = ['hcicertificate', 'hcicertificate1', 'hcimsgcertificate'];

/** Why an alias cannot be used in the CI keystore, or undefined when it can. */
export function aliasProblem(alias: string): string | undefined {
  const a = alias.trim();
  if (!a) return 'The alias is empty.';
  if (/^sap_/i.test(a) || SAP_ALIASES.includes(a.toLowerCase())) return `"${a}" is an SAP-owned alias (sap_…, hcicertificate…).`;
  if (/[/\\]/.test(a)) return `"${a}" contains a slash, which the keystore API cannot address.`;
  if (a !== alias) return `"${alias}" has leading or trailing spaces.`;
  return undefined;
}

export function checkSecurity(landscape: Pick<Landscape, 'stage' | 'ciKeystore'>, p: Pathway): Finding[] {
  const direction = deriveDirection(p);
  if (!direction) return [];
  const out: Finding[] = [];
  const ciSide = ciIsClient(p.protocol, direction);
  const needsAlias = ciSide && ['client-certificate', 'public-key', 'dual'].includes(p.auth);
  if (p.keystoreAlias !== undefined) {
    const problem = aliasProblem(p.keystoreAlias);
    if (problem) out.push({ code: 'KEYSTORE_ALIAS_INVALID', severity: 'error', message: problem, fix: 'Choose your own alias, e.g. <customer>_<system>_client; it must not start with sap_.', whereToFix: 'this-app', field: 'keystoreAlias' });
  }
  if (needsAlias && !p.keystoreAlias) {
    out.push({ code: 'KEYSTORE_ALIAS_MISSING', severity: 'warning', message: `Pathway ${p.number} uses ${AUTH_LABELS[p.auth]} but names no Private Key Alias.`, fix: 'Enter the alias the receiver adapter’s Private Key Alias names; without it CI picks any matching key pair at random.', whereToFix: 'this-app', field: 'keystoreAlias' });
  }
  if (needsAlias && p.keystoreAlias && landscape.ciKeystore.length > 0) {
    const entry = landscape.ciKeystore.find((e) => e.alias === p.keystoreAlias);
    if (!entry || entry.kind !== 'key-pair') {
      out.push({ code: 'KEYSTORE_ALIAS_NOT_IN_KEYSTORE', severity: 'warning', message: `The modelled CI keystore has no key pair "${p.keystoreAlias}".`, fix: 'Add the key pair in Monitor → Manage Security → Keystore, then record it here.', whereToFix: 'ci-monitor' });
    }
  }
  if (ciSide && ['basic', 'password', 'dual', 'plain', 'encrypted', 'oauth2-client-credentials'].includes(p.auth) && !p.credentialName) {
    out.push({ code: 'CREDENTIAL_NAME_MISSING', severity: 'info', message: `Pathway ${p.number} needs a Credential Name (the CI security material artifact).`, fix: 'Enter the name of the User Credentials / OAuth2 Credentials artifact the adapter’s Credential Name refers to.', whereToFix: 'this-app', field: 'credentialName' });
  }
  if (landscape.stage === 'production' && p.auth === 'basic') {
    out.push({ code: 'PRODUCTION_BASIC_AUTH', severity: 'warning', message: `Pathway ${p.number} uses Basic authentication in a production landscape.`, fix: direction === 'inbound' ? 'Prefer client certificates in production (SAP recommends certificate-based authentication): a service key with a certificate.' : 'Prefer client certificates in production (SAP recommends certificate-based authentication): a key pair in Monitor → Manage Security → Keystore.', whereToFix: direction === 'inbound' ? 'btp-cockpit' : 'ci-monitor' });
  }
  return out;
}
