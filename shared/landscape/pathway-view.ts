/**
 * The pathway as every consumer shows it (CLI JSON, the diagram, the handover): numbered, with
 * system names, the derived direction, where it is maintained and its findings.
 */
import type { Finding } from '../probe/probe-types';
import type { Landscape, Pathway } from './landscape-schema';
import { accessRightsFor, maintenanceSteps, placesOf, type MaintenanceStep } from './maintained-at';
import { deriveDirection } from './protocols';
import { checkPathway } from './rules';
import { TENANT_ID, type Adapter, type AuthMethod, type Direction, type Place, type Protocol } from './vocabulary';

export interface PathwayView {
  id: string;
  number: number;
  from: string;
  to: string;
  fromId: string;
  toId: string;
  /** Undefined only for a pathway the rules flag as not touching the tenant exactly once. */
  direction: Direction | undefined;
  protocol: Protocol;
  adapter: Adapter;
  auth: AuthMethod;
  endpoint: string;
  maintainedAt: Place[];
  steps: (MaintenanceStep & { done: boolean })[];
  accessRights: Partial<Record<Place, string[]>>;
  findings: Finding[];
}

export function nameOf(landscape: Pick<Landscape, 'systems' | 'tenant'>, id: string): string {
  if (id === TENANT_ID) return landscape.tenant.name || 'Cloud Integration';
  return landscape.systems.find((s) => s.id === id)?.name ?? id;
}

export function viewPathway(landscape: Landscape, p: Pathway): PathwayView {
  const steps = maintenanceSteps(landscape, p);
  const places = placesOf(steps);
  const accessRights: Partial<Record<Place, string[]>> = {};
  for (const place of places) accessRights[place] = accessRightsFor(landscape, p, place);
  return {
    id: p.id,
    number: p.number,
    from: nameOf(landscape, p.from),
    to: nameOf(landscape, p.to),
    fromId: p.from,
    toId: p.to,
    direction: deriveDirection(p),
    protocol: p.protocol,
    adapter: p.adapter,
    auth: p.auth,
    endpoint: p.endpoint,
    maintainedAt: places,
    steps: steps.map((s) => ({ ...s, done: p.checklistDone.includes(s.id) })),
    accessRights,
    findings: checkPathway(landscape, p),
  };
}

export function viewPathways(landscape: Landscape): PathwayView[] {
  return [...landscape.pathways].sort((a, b) => a.number - b.number).map((p) => viewPathway(landscape, p));
}
