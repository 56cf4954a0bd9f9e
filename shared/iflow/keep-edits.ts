/**
 * Re-importing an iFlow into a landscape the consultant has worked on: the iFlow is the truth for
 * what it states, but not for what it leaves open. A value the iFlow cannot state — a parameter
 * without a value, an expression set at run time, an inbound address known only by its path until
 * the tenant's runtime host is set — keeps what the consultant entered by hand. Settings the iFlow
 * does not carry at all (SFTP write check, notes, checklist, vault link, probe deadline, PGP) are
 * never touched, because the merge only overwrites the adapter's own fields.
 */
import type { Pathway } from '../landscape/landscape-schema';
import type { PathwayFields } from './adapter-to-pathway';

type Candidate = PathwayFields & Pick<Pathway, 'from' | 'to'>;

/** Not an address one can reach: empty, holding a run-time expression, or only a path (its host was a parameter). */
const open = (v: string | undefined) => !v || /\$\{/.test(v) || v.startsWith('/');

/** An inbound path-only endpoint ("/cxf/orders") that the existing full URL already ends with. */
function samePathKnownHost(candidate: string, existing: string): boolean {
  return candidate.startsWith('/') && /^https?:\/\/[^/]+\//i.test(existing) && existing.replace(/^https?:\/\/[^/]+/i, '') === candidate;
}

export function keepHandEdits(existing: Pathway, candidate: Candidate, leftOpen: boolean): Candidate {
  const out: Candidate = { ...candidate };
  if (existing.sftp || candidate.sftp) out.sftp = { ...existing.sftp, ...candidate.sftp };
  if (existing.smtp && candidate.smtp) out.smtp = { ...existing.smtp, ...candidate.smtp };
  if (samePathKnownHost(candidate.endpoint ?? '', existing.endpoint)) out.endpoint = existing.endpoint;
  if (!leftOpen) return out;
  if (open(candidate.endpoint) && !open(existing.endpoint)) out.endpoint = existing.endpoint;
  if (!candidate.credentialName && existing.credentialName) out.credentialName = existing.credentialName;
  if (!candidate.keystoreAlias && existing.keystoreAlias) out.keystoreAlias = existing.keystoreAlias;
  const p = candidate.proxy;
  if (p?.type === 'on-premise' && existing.proxy.type === 'on-premise') {
    out.proxy = { type: 'on-premise', locationId: p.locationId || existing.proxy.locationId, virtualHost: p.virtualHost || existing.proxy.virtualHost };
  }
  return out;
}
