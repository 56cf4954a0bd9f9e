import type { DiagramLayout } from '../../../shared/diagram/layout';
import type { EdgeState } from '../../../shared/diagram/diagram-types';
import { DiagramEdge, EdgeText } from './DiagramEdge';
import { DiagramNode, NodeText } from './DiagramNode';

const STATES: EdgeState[] = ['not-configured', 'ready', 'passed', 'warning', 'failed', 'stale'];

export interface DiagramNames {
  nodes: Record<string, string>;
  edges: Record<string, string>;
}

/**
 * The hand-drawn SVG: zones, the tenant, systems, then edges in pathway order, so Tab walks
 * nodes first and then pathway 1, 2, 3 … . Sizes come from the pure layout.
 */
export function DiagramCanvas({
  layout,
  names,
  selected,
  onOpenEdge,
  onOpenNode,
}: {
  layout: DiagramLayout;
  names: DiagramNames;
  selected: string | null;
  onOpenEdge: (id: string) => void;
  onOpenNode: (id: string) => void;
}) {
  return (
    <svg
      className="diagram"
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      style={{ maxWidth: Math.round(layout.width * 1.5), minWidth: layout.width }}
      role="group"
      aria-label={`Landscape diagram: ${layout.nodes.length} systems, ${layout.edges.length} pathways`}
      data-testid="diagram"
    >
      <defs>
        {STATES.map((s) => (
          <marker key={s} id={`arrow-${s}`} className={`state-${s}`} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={6} markerHeight={6} orient="auto-start-reverse">
            <path className="arrowhead" d="M 0 0 L 10 5 L 0 10 z" />
          </marker>
        ))}
      </defs>
      {layout.zones.map((z) => (
        <g key={z.zone} aria-hidden="true">
          <rect className="zone-box" x={z.box.x} y={z.box.y} width={z.box.w} height={z.box.h} rx={12} />
          <text className="zone-title" x={z.box.x + 12} y={z.box.y + 19}>
            {z.title}
          </text>
        </g>
      ))}
      <DiagramNode node={layout.tenant} name={names.nodes[layout.tenant.id] ?? layout.tenant.name} tenant selected={selected === layout.tenant.id} onOpen={onOpenNode} />
      {layout.nodes.map((n) => (
        <DiagramNode key={n.id} node={n} name={names.nodes[n.id] ?? n.name} tenant={false} selected={selected === n.id} onOpen={onOpenNode} />
      ))}
      {layout.edges.map((e) => (
        <DiagramEdge key={e.id} edge={e} name={names.edges[e.id] ?? `Pathway ${e.number}`} selected={selected === e.id} onOpen={onOpenEdge} />
      ))}
      {/* Words above the shapes, outside the buttons (their names say them); clicks pass through. */}
      <g className="diagram-text" aria-hidden="true">
        <NodeText node={layout.tenant} tenant />
        {layout.nodes.map((n) => <NodeText key={n.id} node={n} tenant={false} />)}
        {layout.edges.map((e) => <EdgeText key={e.id} edge={e} />)}
      </g>
    </svg>
  );
}
