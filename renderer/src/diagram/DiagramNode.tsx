import type { NodeLayout } from '../../../shared/diagram/layout';
import { activateOnKey } from './DiagramEdge';

/** A system (or the tenant): a focusable box with its name and kind. */
export function DiagramNode({ node, name, tenant, selected, onOpen }: { node: NodeLayout; name: string; tenant: boolean; selected: boolean; onOpen: (id: string) => void }) {
  const { box } = node;
  const open = () => onOpen(node.id);
  return (
    <g
      className={`node${tenant ? ' tenant' : ''}${selected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={name}
      aria-pressed={selected}
      data-node={node.id}
      onClick={open}
      onKeyDown={activateOnKey(open)}
    >
      <title>{name}</title>
      <rect className="node-box" x={box.x} y={box.y} width={box.w} height={box.h} rx={10} />
    </g>
  );
}

/**
 * The node's words, drawn in the diagram's text layer above the shapes (DiagramCanvas), not inside
 * the button: its accessible name says them in a sentence, and text inside a control must be part
 * of its name (WCAG 2.5.3, axe label-content-name-mismatch), which the wrapped, shortened lines are not.
 */
export function NodeText({ node, tenant }: { node: NodeLayout; tenant: boolean }) {
  const { box, lines } = node;
  const lineH = 17;
  const kindH = 15;
  const blockH = lines.length * lineH + node.kindLines.length * kindH;
  const top = box.y + (box.h - blockH) / 2 + 13;
  return (
    <g className={`node-text${tenant ? ' tenant' : ''}`}>
        {lines.map((line, i) => (
        <text key={i} className="node-name" x={box.x + box.w / 2} y={top + i * lineH} textAnchor="middle">
          {line}
        </text>
      ))}
      {node.kindLines.map((line, i) => (
        <text key={`k${i}`} className="node-kind" x={box.x + box.w / 2} y={top + lines.length * lineH + 2 + i * kindH} textAnchor="middle">
          {line}
        </text>
      ))}
    </g>
  );
}
