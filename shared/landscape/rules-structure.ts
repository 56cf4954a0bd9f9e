/**
 * Structural rules: is the pathway a pathway at all? Direction consistency, known systems, an
 * adapter and authentication method the protocol and direction allow, a protocol the peer speaks.
 * Error-level findings here are what the service refuses to save.
 */
import type { Finding } from '../probe/probe-types';
import type { Landscape, Pathway } from './landscape-schema';
import { deriveDirection, isAuthValid, peerOf, validAdapters, validAuthMethods } from './protocols';
import { findSystemKind } from './system-kinds';
import { ADAPTER_LABELS, AUTH_LABELS, PROTOCOL_LABELS, TENANT_ID } from './vocabulary';

export function checkDirection(landscape: Pick<Landscape, 'systems'>, p: Pathway): Finding[] {
  const out: Finding[] = [];
  for (const end of [p.from, p.to]) {
    if (end !== TENANT_ID && !landscape.systems.some((s) => s.id === end)) {
      out.push({ code: 'UNKNOWN_SYSTEM', severity: 'error', message: `Pathway ${p.number} refers to a system that is not in the landscape.`, fix: 'Choose one of the landscape\'s systems, or add the system first.', whereToFix: 'this-app' });
    }
  }
  if (p.from === TENANT_ID && p.to === TENANT_ID) {
    out.push({ code: 'DIRECTION_TENANT_TO_TENANT', severity: 'error', message: `Pathway ${p.number} goes from the tenant to the tenant.`, fix: 'One end of a pathway is a system: pick the sender or the receiver.', whereToFix: 'this-app' });
  } else if (p.from !== TENANT_ID && p.to !== TENANT_ID) {
    out.push({ code: 'DIRECTION_NO_TENANT', severity: 'error', message: `Pathway ${p.number} does not touch Cloud Integration: every message passes through the tenant.`, fix: 'Split it into two pathways: sender → Cloud Integration and Cloud Integration → receiver.', whereToFix: 'this-app' });
  }
  return out;
}

export function checkProtocolAndAuth(landscape: Pick<Landscape, 'systems'>, p: Pathway): Finding[] {
  const direction = deriveDirection(p);
  if (!direction) return [];
  const out: Finding[] = [];
  if (!validAdapters(p.protocol).includes(p.adapter)) {
    out.push({ code: 'ADAPTER_NOT_VALID', severity: 'error', message: `The ${ADAPTER_LABELS[p.adapter] ?? 'chosen'} adapter does not run over ${PROTOCOL_LABELS[p.protocol]}.`, fix: `Choose one of: ${validAdapters(p.protocol).map((a) => ADAPTER_LABELS[a]).join(', ')}.`, whereToFix: 'this-app', field: 'adapter' });
  }
  if (!isAuthValid(p.protocol, direction, p.auth)) {
    const valid = validAuthMethods(p.protocol, direction);
    out.push({
      code: 'AUTH_NOT_VALID',
      severity: 'error',
      message: `${AUTH_LABELS[p.auth]} is not an authentication method for ${direction} ${PROTOCOL_LABELS[p.protocol]}.`,
      fix: valid.length ? `Choose one of: ${valid.map((a) => AUTH_LABELS[a]).join(', ')}.` : `Cloud Integration does not receive ${PROTOCOL_LABELS[p.protocol]}: make it an outbound pathway.`,
      whereToFix: 'this-app',
      field: 'auth',
    });
  }
  const peer = landscape.systems.find((s) => s.id === peerOf(p));
  const kind = peer ? findSystemKind(peer.kind) : undefined;
  if (peer && kind && !kind.protocols.includes(p.protocol)) {
    out.push({ code: 'PROTOCOL_NOT_SPOKEN', severity: 'warning', message: `${peer.name} (${kind.label}) does not usually speak ${PROTOCOL_LABELS[p.protocol]}.`, fix: `Check the protocol; ${kind.label} speaks ${kind.protocols.map((x) => PROTOCOL_LABELS[x]).join(', ')}.`, whereToFix: 'this-app', field: 'protocol' });
  }
  return out;
}
