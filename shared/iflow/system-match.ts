/**
 * Which system an adapter's participant is: an existing one with the same host, the same name, or
 * (for a well-known product) the only system of that kind; otherwise a new one whose kind is
 * guessed from the participant name, the address and the adapter type.
 */
import type { Landscape, System } from '../landscape/landscape-schema';
import type { SystemKindId } from '../landscape/system-kinds';
import type { AdapterDetail } from './derive-adapters';

export function guessKind(a: Pick<AdapterDetail, 'participant' | 'host' | 'adapter' | 'protocol' | 'proxyType'>): SystemKindId {
  const text = `${a.participant} ${a.host}`.toLowerCase();
  if (a.adapter.toLowerCase() === 'successfactors' || text.includes('successfactors')) return 'successfactors';
  if (/sscv2|\bssc\b|sales ?(and|&) ?service|\.crm\.cloud\.sap/.test(text)) return 'sscv2';
  if (/c4c|cloud for customer|crm\.ondemand\.com/.test(text)) return 'c4c';
  if (/s\/?4|s4hana/.test(text)) return /s4hana\.cloud\.sap|s4hana\.ondemand/.test(text) ? 's4hana-cloud' : 's4hana-on-premise';
  if (/\b(ecc|erp)\b/.test(text)) return 'erp-on-premise';
  if (a.protocol === 'sftp') return 'sftp-server';
  if (a.protocol === 'smtp') return 'mail-server';
  if (a.protocol === 'https') return 'generic-https';
  return 'other-system';
}

const GENERIC: ReadonlySet<SystemKindId> = new Set(['generic-https', 'other-system', 'sftp-server', 'mail-server']);

function key(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function systemName(a: Pick<AdapterDetail, 'participant' | 'host' | 'adapter' | 'direction'>): string {
  const name = a.participant.trim() || a.host || `${a.adapter} ${a.direction === 'inbound' ? 'sender' : 'receiver'}`;
  return name.slice(0, 120);
}

/** The existing system this adapter talks to, if any. */
export function matchSystem(l: Pick<Landscape, 'systems'>, a: AdapterDetail): System | undefined {
  if (a.host) {
    const byHost = l.systems.find((s) => s.host?.toLowerCase() === a.host);
    if (byHost) return byHost;
  }
  const name = key(systemName(a));
  const byName = l.systems.find((s) => key(s.name) === name);
  if (byName) return byName;
  const kind = guessKind(a);
  if (GENERIC.has(kind)) return undefined;
  const sameKind = l.systems.filter((s) => s.kind === kind);
  return sameKind.length === 1 ? sameKind[0] : undefined;
}
