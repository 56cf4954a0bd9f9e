import type { KeyboardEvent } from 'react';
import type { EdgeLayout } from '../../../shared/diagram/layout';
import { EDGE_STATE_TEXT } from '../../../shared/diagram/from-landscape';

/** Enter or Space activates a focusable SVG group, the way a button would. */
export function activateOnKey(open: () => void) {
  return (e: KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open();
    }
  };
}

/** One direction of one pathway: its own line, arrowhead, number, protocol/auth label and state. */
export function DiagramEdge({ edge, name, selected, onOpen }: { edge: EdgeLayout; name: string; selected: boolean; onOpen: (id: string) => void }) {
  const { label, cloudConnector: cc } = edge;
  const cy = label.y + label.h / 2;
  const open = () => onOpen(edge.id);
  return (
    <g
      className={`edge state-${edge.state}${selected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-pressed={selected}
      data-edge={edge.number}
      data-edge-id={edge.id}
      onClick={open}
      onKeyDown={activateOnKey(open)}
    >
      <title>{name}</title>
      <path className="edge-hit" d={edge.path} />
      <path className="edge-focus" d={edge.path} />
      <path className="edge-line" d={edge.path} markerEnd={`url(#arrow-${edge.state})`} />
      {cc && <rect className="cc-box" x={cc.x} y={cc.y} width={cc.w} height={cc.h} rx={4} />}
      <rect className="edge-label-box" x={label.x} y={label.y} width={label.w} height={label.h} rx={8} />
      <circle className="edge-number-dot" cx={label.x + 15} cy={cy} r={9.5} />
    </g>
  );
}

/** The edge's words (number, protocol, state glyph, authentication, SCC badge), in the text layer (see NodeText). */
export function EdgeText({ edge }: { edge: EdgeLayout }) {
  const { label, cloudConnector: cc } = edge;
  const cy = label.y + label.h / 2;
  const state = EDGE_STATE_TEXT[edge.state];
  return (
    <g className={`edge-text state-${edge.state}`} data-edge-text={edge.number}>
      {cc && (
        <text className="cc-text" x={cc.x + cc.w / 2} y={cc.y + cc.h / 2 + 4} textAnchor="middle">
          SCC
        </text>
      )}
      <text className="edge-number" x={label.x + 15} y={cy + 4} textAnchor="middle">
        {edge.number}
      </text>
      <text className="edge-label" x={label.x + 30} y={label.y + 15}>
        {label.lines[0]}
      </text>
      <text className="edge-glyph" x={label.x + label.w - 13} y={label.y + 15} textAnchor="middle">
        {state.icon}
      </text>
      <text className="edge-label" x={label.x + 30} y={label.y + 30}>
        {label.lines[1]}
      </text>
    </g>
  );
}
