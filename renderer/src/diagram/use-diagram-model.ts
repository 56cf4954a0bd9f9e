/**
 * The diagram's derived data, memoised on the landscape: pathway views (findings, steps), the
 * diagram input, its layout and the accessible names of every node and edge.
 */
import { useMemo } from 'react';
import { TENANT_ID, findSystemKind, viewPathways, type Landscape } from '../../../shared/landscape';
import { edgeAccessibleName, toDiagramInput } from '../../../shared/diagram/from-landscape';
import { layoutDiagram } from '../../../shared/diagram/layout';
import type { EdgeState as ProbeEdgeState } from '../../../shared/probe/edge-state';
import { daysText, type PathwayExpiry } from '../../../shared/evidence/expiry';
import type { DiagramNames } from './DiagramCanvas';

export function useDiagramModel(landscape: Landscape, probeStates: Record<number, ProbeEdgeState>, expiry: Record<number, PathwayExpiry> = NO_EXPIRY) {
  return useMemo(() => {
    const views = viewPathways(landscape);
    const days = Object.fromEntries(Object.entries(expiry).map(([n, e]) => [n, e.daysLeft]));
    const input = toDiagramInput(landscape, views, probeStates, days);
    const layout = layoutDiagram(input);
    const edgeOf = new Map(input.edges.map((e) => [e.id, e]));
    const names: DiagramNames = { nodes: {}, edges: {} };
    names.nodes[TENANT_ID] = `${input.tenant.name}, the Cloud Integration tenant, ${input.edges.length} pathways`;
    for (const s of landscape.systems) {
      const kind = findSystemKind(s.kind);
      const count = views.filter((v) => v.fromId === s.id || v.toId === s.id).length;
      names.nodes[s.id] = `${s.name}, ${kind?.label ?? s.kind}, ${kind?.location === 'customer-landscape' ? 'customer landscape' : 'cloud'}, ${count} pathways`;
    }
    for (const v of views) {
      const e = edgeOf.get(v.id);
      const soon = expiry[v.number];
      names.edges[v.id] = edgeAccessibleName(v, e?.state ?? 'not-configured', e?.viaCloudConnector) + (soon ? `, ${soon.title} ${daysText(soon.daysLeft)}` : '');
    }
    return { views, layout, names };
  }, [landscape, probeStates, expiry]);
}

const NO_EXPIRY: Record<number, PathwayExpiry> = {};
