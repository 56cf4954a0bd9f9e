/** Every rule for a pathway and a landscape, joined. Pure: same input, same findings. */
import type { Finding } from '../probe/probe-types';
import type { Landscape, Pathway } from './landscape-schema';
import { checkEndpoint } from './rules-endpoint';
import { checkSecurity } from './rules-security';
import { checkDirection, checkProtocolAndAuth } from './rules-structure';
import { maintenanceSteps } from './maintained-at';

export type { Finding };

export function checkPathway(landscape: Landscape, p: Pathway): Finding[] {
  const structural = checkDirection(landscape, p);
  if (structural.some((f) => f.severity === 'error')) return structural;
  return [...structural, ...checkProtocolAndAuth(landscape, p), ...checkEndpoint(landscape, p), ...checkSecurity(landscape, p)];
}

export interface LandscapeFinding extends Finding {
  pathwayNumber?: number;
}

export function checkLandscape(landscape: Landscape): LandscapeFinding[] {
  const out: LandscapeFinding[] = [];
  const numbers = new Set<number>();
  for (const p of landscape.pathways) {
    if (numbers.has(p.number)) {
      out.push({ code: 'PATHWAY_NUMBER_DUPLICATE', severity: 'error', message: `Two pathways have number ${p.number}.`, fix: 'Renumber one of them.', whereToFix: 'this-app', pathwayNumber: p.number });
    }
    numbers.add(p.number);
    out.push(...checkPathway(landscape, p).map((f) => ({ ...f, pathwayNumber: p.number })));
  }
  const places = new Set(landscape.pathways.flatMap((p) => maintenanceSteps(landscape, p).map((s) => s.place)));
  if (places.has('btp-cockpit') && places.has('ci-monitor')) {
    // Seed 002: credentials of the two directions live in different places, so one person editing
    // both needs BTP cockpit rights in addition to the Cloud Integration roles.
    out.push({
      code: 'ACCESS_BOTH_PLACES',
      severity: 'info',
      message: 'This landscape has inbound and outbound credentials: they are maintained in the BTP cockpit and in the Cloud Integration Monitor.',
      fix: 'Whoever maintains both needs BTP cockpit access (Space Developer) in addition to the Cloud Integration roles, or split the work.',
      whereToFix: 'btp-cockpit',
    });
  }
  return out;
}

/**
 * Findings a save refuses: a pathway that is not one (no tenant end, unknown system, a method the
 * protocol cannot carry) or an alias CI would reject. Other errors (an https:// On-Premise address)
 * are shown as findings, so a consultant can save work in progress and fix it later.
 */
export const REFUSED_CODES: ReadonlySet<string> = new Set([
  'UNKNOWN_SYSTEM',
  'DIRECTION_TENANT_TO_TENANT',
  'DIRECTION_NO_TENANT',
  'ADAPTER_NOT_VALID',
  'AUTH_NOT_VALID',
  'PATHWAY_NUMBER_DUPLICATE',
  'KEYSTORE_ALIAS_INVALID',
]);

export function blockingFindings(landscape: Landscape): LandscapeFinding[] {
  return checkLandscape(landscape).filter((f) => REFUSED_CODES.has(f.code));
}
