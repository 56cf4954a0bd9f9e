/**
 * Landscape model → diagram input, and the words the diagram speaks (accessible names, state
 * texts). Until the probe engine records results, the model's rule findings decide an edge's
 * state; a probe verdict, when given, takes precedence.
 */
import type { Finding } from '../probe/probe-types';
import type { EdgeState as ProbeEdgeState } from '../probe/edge-state';
import {
  PROTOCOL_LABELS,
  TENANT_ID,
  deriveDirection,
  findSystemKind,
  viewPathways,
  type AuthMethod,
  type Landscape,
  type PathwayView,
} from '../landscape';
import type { DiagramEdge, DiagramInput, DiagramNode, EdgeState } from './diagram-types';

export const EDGE_STATE_TEXT: Record<EdgeState, { icon: string; text: string }> = {
  'not-configured': { icon: '○', text: 'not configured' },
  ready: { icon: '◆', text: 'ready to test' },
  passed: { icon: '✓', text: 'last probe passed' },
  warning: { icon: '⚠', text: 'warning' },
  failed: { icon: '✖', text: 'failed' },
  stale: { icon: '↻', text: 'result stale' },
};

const AUTH_SPOKEN: Record<AuthMethod, string> = {
  basic: 'Basic authentication',
  'client-certificate': 'Client certificate authentication',
  'oauth2-client-credentials': 'OAuth2 client credentials',
  password: 'Password authentication',
  'public-key': 'Public key authentication',
  dual: 'Dual authentication (public key and password)',
  none: 'No authentication',
  plain: 'Plain user and password',
  encrypted: 'Encrypted user and password',
};

export function spokenAuth(auth: AuthMethod): string {
  return AUTH_SPOKEN[auth];
}

/** Rule findings → state: errors mean not configured, then warnings, then a missing endpoint. */
export function stateFromFindings(findings: Finding[]): EdgeState {
  if (findings.some((f) => f.severity === 'error')) return 'not-configured';
  if (findings.some((f) => f.severity === 'warning')) return 'warning';
  if (findings.some((f) => f.code === 'ENDPOINT_MISSING')) return 'not-configured';
  return 'ready';
}

/** A conclusive probe result decides; an unprobed pathway falls back to its findings. */
export function combineEdgeState(fromFindings: EdgeState, probe: ProbeEdgeState | undefined): EdgeState {
  return probe === undefined || probe === 'unprobed' ? fromFindings : probe;
}

/** "Pathway 1: SAP S/4HANA to Cloud Integration, inbound, HTTPS, Basic authentication, not configured". */
export function edgeAccessibleName(view: PathwayView, state: EdgeState, viaCloudConnector = false): string {
  const direction = view.direction ?? 'no direction';
  const via = viaCloudConnector ? ', through the Cloud Connector' : '';
  return `Pathway ${view.number}: ${view.from} to ${view.to}, ${direction}, ${PROTOCOL_LABELS[view.protocol]}, ${spokenAuth(view.auth)}${via}, ${EDGE_STATE_TEXT[state].text}`;
}

export function zoneOf(kind: string): 'customer' | 'cloud' {
  return findSystemKind(kind)?.location === 'customer-landscape' ? 'customer' : 'cloud';
}

export function toDiagramInput(
  landscape: Landscape,
  views: PathwayView[] = viewPathways(landscape),
  probeStates: Record<number, ProbeEdgeState> = {},
  /** Per pathway number, days left of its soonest expiring item within the radar's 30 days. */
  expiryDays: Record<number, number> = {},
): DiagramInput {
  const tenant: DiagramNode = { id: TENANT_ID, name: landscape.tenant.name || 'Cloud Integration', kind: 'SAP Integration Suite', zone: 'tenant' };
  const systems: DiagramNode[] = landscape.systems.map((s) => ({
    id: s.id,
    name: s.name,
    kind: findSystemKind(s.kind)?.label ?? s.kind,
    zone: zoneOf(s.kind),
  }));
  const byId = new Map(landscape.pathways.map((p) => [p.id, p]));
  const edges: DiagramEdge[] = views.flatMap((v) => {
    const p = byId.get(v.id);
    const direction = p ? deriveDirection(p) : undefined;
    if (!p || !direction) return [];
    return [
      {
        id: v.id,
        number: v.number,
        from: v.fromId,
        to: v.toId,
        direction,
        protocol: PROTOCOL_LABELS[v.protocol],
        auth: v.auth,
        state: combineEdgeState(stateFromFindings(v.findings), probeStates[v.number]),
        viaCloudConnector: p.proxy.type === 'on-premise',
        ...(expiryDays[v.number] === undefined ? {} : { expiryDays: expiryDays[v.number] }),
      },
    ];
  });
  return { tenant, systems, edges };
}
