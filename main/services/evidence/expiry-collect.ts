/**
 * Collects the expiry radar of one landscape: every certificate and key it depends on, on both
 * sides of every pathway — the vault's client certificates and waiting key pairs (and their chain),
 * certificates that came from BTP service keys, the landscape's CA certificates and modelled CI
 * keystore entries, the chains the peers presented in the last probes, and the age of SSH host-key
 * pins. PGP keys come through `extraSources` (the PGP support registers one when it exists).
 */
import type { Landscape, Pathway } from '../../../shared/landscape';
import { deriveDirection } from '../../../shared/landscape/protocols';
import { nameOf } from '../../../shared/landscape/pathway-view';
import { daysLeft, HOST_KEY_PIN_REVIEW_DAYS, levelOf, sortExpiry, type ExpiryItem, type ExpirySide, type ExpirySource } from '../../../shared/evidence/expiry';
import { lastConclusive } from '../../../shared/probe/edge-state';
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import type { HistoryResult } from '../../../shared/evidence/report-model';
import { readCertificates } from '../material/cert-read';

export interface ExpiryInputs {
  landscape: Landscape;
  credentials: CredentialMeta[];
  history: Record<number, HistoryResult[]>;
  now: Date;
  /** Certificates inside raw service-key credentials (read from their secret by the caller). */
  serviceKeyCertificates?: Record<string, string>;
}

/** A further source of items (PGP keys): the hook other capabilities plug into. */
export type ExpirySourceHook = (input: ExpiryInputs) => Promise<ExpiryItem[]> | ExpiryItem[];

type Draft = Omit<ExpiryItem, 'daysLeft' | 'level' | 'landscape'>;

export function collectExpiry(input: ExpiryInputs): ExpiryItem[] {
  const { landscape: l } = input;
  const drafts: Draft[] = [];
  const peerOf = (p: Pathway) => nameOf(l, deriveDirection(p) === 'inbound' ? p.from : p.to);
  const usingCredential = (id: string) => l.pathways.filter((p) => p.credentialId === id || l.ciKeystore.some((k) => k.credentialId === id && k.alias === p.keystoreAlias));

  for (const c of input.credentials) {
    const users = usingCredential(c.id);
    if (users.length === 0) continue;
    const numbers = users.map((p) => p.number).sort((a, b) => a - b);
    const outbound = users.some((p) => deriveDirection(p) === 'outbound');
    const fromServiceKey = !!(c.clientId || c.tokenUrl);
    if (c.kind === 'key-pair') {
      drafts.push({ id: `key-pair:${c.id}`, source: 'vault-key-pair', title: `Key pair "${c.label}" has no signed certificate yet`, pathways: numbers, side: outbound ? 'ci-keystore' : 'peer-system', renew: 'Get the CSR signed and pair the answer in Certificates; until then the pathway cannot authenticate.' });
    }
    const leaf = c.kind === 'client-certificate' ? leafFacts(c) : undefined;
    if (leaf) {
      const rest = (c.certificateChainPem ?? []).slice(1);
      const side: ExpirySide = fromServiceKey ? 'btp-service-key' : outbound ? 'ci-keystore' : 'peer-system';
      const where = fromServiceKey
        ? 'Create a new service key (BTP cockpit → Instances and Subscriptions → the instance → Create Service Key) and import it.'
        : outbound
          ? `Renew the key pair and replace it in Cloud Integration → Monitor → Manage Security → Keystore (alias ${users.map((p) => p.keystoreAlias).filter(Boolean).join(', ') || 'of this pathway'}); give ${users.map(peerOf).join(', ')} the new certificate.`
          : `Renew the certificate on ${users.map(peerOf).join(', ')} and update the BTP service key (External Certificate) with the new leaf.`;
      drafts.push({ id: `cert:${leaf.fingerprintSha256}`, source: fromServiceKey ? 'service-key-certificate' : 'vault-certificate', title: `Client certificate "${c.label}"`, subject: leaf.subject, fingerprintSha256: leaf.fingerprintSha256, notAfter: leaf.notAfter, pathways: numbers, side, renew: where });
      for (const pem of rest) drafts.push(...certDrafts(pem, 'ca-certificate', numbers, side, `The CA of "${c.label}" expires: get a certificate from the CA's successor and update every place that trusts it.`));
    }
    const raw = input.serviceKeyCertificates?.[c.id];
    if (c.kind === 'service-key' && raw) drafts.push(...certDrafts(raw, 'service-key-certificate', numbers, 'btp-service-key', 'Create a new service key in the BTP cockpit and hand it to the sender system.'));
  }

  const outboundTls = l.pathways.filter((p) => deriveDirection(p) === 'outbound' && p.protocol !== 'sftp').map((p) => p.number);
  for (const ca of l.caCertificates) drafts.push(...certDrafts(ca.pem, 'ca-certificate', pathwaysTrusting(ca.fingerprintSha256, input.history, outboundTls), 'ci-keystore', `Add the CA's new certificate to Cloud Integration → Monitor → Manage Security → Keystore (entry "${ca.label}") before the old one expires.`));
  for (const k of l.ciKeystore) {
    if (k.kind !== 'certificate' || !k.pem) continue;
    drafts.push(...certDrafts(k.pem, 'ca-certificate', pathwaysTrusting(k.fingerprintSha256 ?? '', input.history, outboundTls), 'ci-keystore', `Replace keystore entry "${k.alias}" in Cloud Integration → Monitor → Manage Security → Keystore.`));
  }

  for (const p of l.pathways) {
    const last = lastConclusive(input.history[p.number] ?? []);
    for (const [i, cert] of (last?.chain ?? []).entries()) {
      const outbound = deriveDirection(p) === 'outbound';
      const renew = i === 0
        ? outbound
          ? `${peerOf(p)} must renew its server certificate; if the new one has another root, add it to the CI keystore.`
          : 'SAP renews the tenant certificate; make sure the sender trusts the new chain.'
        : `The CA certificate in ${peerOf(p)}'s chain expires: the peer must serve the renewed chain.`;
      drafts.push({ id: `peer:${cert.fingerprintSha256}`, source: 'peer-certificate', title: `${i === 0 ? 'Server certificate' : 'Chain certificate'} seen at ${last!.target.host}:${last!.target.port}`, subject: cert.subject, fingerprintSha256: cert.fingerprintSha256, notAfter: cert.notAfter, pathways: [p.number], side: 'peer-system', renew });
    }
  }

  for (const pin of l.hostKeyTrust) {
    const due = new Date(Date.parse(pin.confirmedAt) + HOST_KEY_PIN_REVIEW_DAYS * 86_400_000).toISOString();
    const users = l.pathways.filter((p) => p.protocol === 'sftp' && pinHost(p, l) === `${pin.host}:${pin.port}`).map((p) => p.number);
    drafts.push({ id: `pin:${pin.fingerprint}`, source: 'ssh-host-key-pin', title: `SSH host key ${pin.keyType} of ${pin.host}:${pin.port}, confirmed ${pin.confirmedAt.slice(0, 10)} by ${pin.confirmedBy || 'unknown'}`, fingerprintSha256: pin.fingerprint, notAfter: due, pathways: users, side: 'ci-known-hosts', renew: `Re-confirm the host key with ${pin.host}'s owner out of band (yearly); if it changed, update Cloud Integration's known_hosts.` });
  }

  return finish(drafts, l.name, input.now);
}

/** The leaf's dates from its PEM (the metadata's notAfter may be missing on older entries). */
function leafFacts(c: CredentialMeta): { subject: string; fingerprintSha256: string; notAfter: string } | undefined {
  const pem = c.certificateChainPem?.[0];
  if (!pem) return c.notAfter ? { subject: c.subject ?? c.label, fingerprintSha256: c.fingerprints?.sha256 ?? c.id, notAfter: c.notAfter } : undefined;
  try {
    const f = readCertificates(pem)[0]!.facts;
    return { subject: f.subject, fingerprintSha256: f.fingerprintSha256, notAfter: f.notAfter };
  } catch {
    return undefined;
  }
}

function pinHost(p: Pathway, l: Landscape): string {
  try {
    const u = new URL(p.endpoint.includes('://') ? p.endpoint : `sftp://${p.endpoint}`);
    return `${u.hostname}:${u.port || 22}`;
  } catch {
    return `${l.systems.find((s) => s.id === p.to || s.id === p.from)?.host ?? ''}:22`;
  }
}

/** Outbound pathways whose last chain holds this CA; all outbound TLS pathways when none was seen. */
function pathwaysTrusting(fingerprint: string, history: Record<number, HistoryResult[]>, fallback: number[]): number[] {
  const norm = (f: string) => f.replace(/:/g, '').toLowerCase();
  const hits = Object.entries(history)
    .filter(([, entries]) => lastConclusive(entries)?.chain?.some((c) => norm(c.fingerprintSha256) === norm(fingerprint)))
    .map(([n]) => Number(n));
  return hits.length ? hits.sort((a, b) => a - b) : fallback;
}

function certDrafts(pem: string, source: ExpirySource, pathways: number[], side: ExpirySide, renew: string): Draft[] {
  try {
    return readCertificates(pem).map((c) => ({ id: `cert:${c.facts.fingerprintSha256}`, source, title: c.facts.subject, subject: c.facts.subject, fingerprintSha256: c.facts.fingerprintSha256, notAfter: c.facts.notAfter, pathways, side, renew }));
  } catch {
    return [];
  }
}

/** Days and level, one item per id (the first source wins, pathways merged), soonest first. */
export function finish(drafts: Draft[], landscape: string, now: Date): ExpiryItem[] {
  const byId = new Map<string, ExpiryItem>();
  for (const d of drafts) {
    const existing = byId.get(d.id);
    if (existing) {
      existing.pathways = [...new Set([...existing.pathways, ...d.pathways])].sort((a, b) => a - b);
      continue;
    }
    const days = d.notAfter ? daysLeft(d.notAfter, now) : undefined;
    byId.set(d.id, { ...d, ...(days === undefined ? {} : { daysLeft: days }), level: levelOf(days), landscape });
  }
  return sortExpiry([...byId.values()]);
}
