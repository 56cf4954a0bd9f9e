/**
 * The landscape picture as pure geometry: the tenant in the middle, customer-landscape systems on
 * the left, cloud systems on the right, every pathway its own directed edge. Deterministic (same
 * input → same output, no randomness, no DOM), so Node tests can prove nothing overlaps.
 *
 * Each leg runs straight from its system through an optional Cloud Connector badge and its label,
 * then curves into its own port on the tenant. Legs and ports are sorted the same way, so curves
 * never cross and labels sit in one column, one leg apart.
 */
import type { DiagramEdge, DiagramInput, DiagramNode, Direction, EdgeState } from './diagram-types';
import { KIND_FONT_PX, LABEL_FONT_PX, NODE_FONT_PX, edgeLabelText, estimateTextWidth, shortAuthLabel, wrapText } from './text-metrics';

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Side = 'left' | 'right' | 'center';

export interface NodeLayout {
  id: string;
  name: string;
  kind: string;
  side: Side;
  box: Box;
  /** The name wrapped to the box. */
  lines: string[];
  /** The kind, wrapped into what the name leaves of three lines. */
  kindLines: string[];
}

export interface EdgeLayout {
  id: string;
  number: number;
  direction: Direction;
  state: EdgeState;
  side: Exclude<Side, 'center'>;
  systemId: string;
  /** SVG path in the direction of flow, so a marker-end arrowhead points the right way. */
  path: string;
  /** `text` is the one-line form; `lines` are drawn (protocol, then authentication). */
  label: Box & { text: string; lines: [string, string] };
  /** The Cloud Connector badge on this leg, when the leg goes through it. */
  cloudConnector: Box | null;
}

export interface ZoneLayout {
  zone: 'customer' | 'cloud';
  title: string;
  box: Box;
}

export interface DiagramLayout {
  width: number;
  height: number;
  tenant: NodeLayout;
  nodes: NodeLayout[];
  edges: EdgeLayout[];
  zones: ZoneLayout[];
  /** Edges that do not join a known system and the tenant (not drawn). */
  skipped: string[];
}

export const GEOMETRY = {
  margin: 16,
  zoneTitle: 30,
  systemW: 180,
  systemH: 76,
  legGap: 44,
  rowGap: 26,
  /** Two lines: protocol + state glyph, then the authentication method. */
  labelH: 36,
  ccW: 40,
  ccH: 22,
  gap: 20,
  curveW: 64,
  tenantW: 176,
  tenantMinH: 150,
  portGap: 14,
  portGapMax: 34,
  minLabelW: 96,
} as const;

const G = GEOMETRY;

interface Leg {
  edge: DiagramEdge;
  system: DiagramNode;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** "12 d left" / "expired": the expiry radar's mark on an edge within the 30-day threshold. */
export function expiryMark(days: number | undefined): string {
  if (days === undefined) return '';
  return days < 0 ? 'expired' : `${days} d left`;
}

/** The two text lines of an edge label (the second carries the expiry mark when there is one). */
export function labelLines(edge: Pick<DiagramEdge, 'protocol' | 'auth' | 'expiryDays'>): [string, string] {
  const auth = edge.auth ? shortAuthLabel(edge.auth) : 'no auth';
  return [edge.protocol || '—', edge.expiryDays === undefined ? auth : `${auth} · ${expiryMark(edge.expiryDays)}`];
}

/** Width of an edge label: padding, number badge, the wider of (protocol + state glyph) and auth. */
export function labelWidth(edge: Pick<DiagramEdge, 'protocol' | 'auth' | 'expiryDays'>): number {
  const [protocol, auth] = labelLines(edge);
  const text = Math.max(estimateTextWidth(protocol, LABEL_FONT_PX) + 18, estimateTextWidth(auth, LABEL_FONT_PX));
  return 6 + 18 + 6 + text + 8;
}

function systemHeight(legCount: number): number {
  return Math.max(G.systemH, legCount * G.legGap + 8);
}

function collectLegs(input: DiagramInput): { legs: Map<string, Leg[]>; skipped: string[] } {
  const systems = new Map(input.systems.map((s) => [s.id, s]));
  const legs = new Map<string, Leg[]>(input.systems.map((s) => [s.id, []]));
  const skipped: string[] = [];
  for (const edge of input.edges) {
    const systemId = edge.from === input.tenant.id ? edge.to : edge.to === input.tenant.id ? edge.from : undefined;
    const system = systemId === undefined ? undefined : systems.get(systemId);
    if (!system || edge.from === edge.to) skipped.push(edge.id);
    else legs.get(system.id)!.push({ edge, system });
  }
  for (const list of legs.values()) list.sort((a, b) => a.edge.number - b.edge.number || a.edge.id.localeCompare(b.edge.id));
  return { legs, skipped };
}

interface SideColumns {
  systems: DiagramNode[];
  hasCc: boolean;
  labelW: number;
  /** Total width from the outer margin to the tenant's side. */
  width: number;
  height: number;
}

function measureSide(systems: DiagramNode[], legs: Map<string, Leg[]>): SideColumns {
  const sideLegs = systems.flatMap((s) => legs.get(s.id) ?? []);
  const hasCc = sideLegs.some((l) => l.edge.viaCloudConnector);
  const labelW = Math.max(G.minLabelW, ...sideLegs.map((l) => labelWidth(l.edge)));
  const width = G.margin + G.systemW + (hasCc ? G.gap + G.ccW : 0) + G.gap + labelW + G.curveW;
  const rows = systems.map((s) => systemHeight(legs.get(s.id)?.length ?? 0));
  const height = rows.reduce((sum, h) => sum + h, 0) + Math.max(0, rows.length - 1) * G.rowGap;
  return { systems, hasCc, labelW, width, height };
}

function nodeLayout(node: DiagramNode, side: Side, box: Box): NodeLayout {
  const maxChars = Math.floor((box.w - 16) / (NODE_FONT_PX * 0.62));
  const kindChars = Math.floor((box.w - 12) / (KIND_FONT_PX * 0.62));
  const lines = wrapText(node.name, maxChars);
  return { id: node.id, name: node.name, kind: node.kind, side, box, lines, kindLines: wrapText(node.kind, kindChars, 3 - lines.length) };
}

interface PlacedLeg extends Leg {
  y: number;
  box: Box;
}

function placeSide(
  cols: SideColumns,
  legs: Map<string, Leg[]>,
  side: 'left' | 'right',
  tenantX: number,
  contentTop: number,
  contentH: number,
): { nodes: NodeLayout[]; placed: PlacedLeg[]; zone: Box } {
  const nodes: NodeLayout[] = [];
  const placed: PlacedLeg[] = [];
  const sysX = side === 'left' ? tenantX - cols.width + G.margin : tenantX + cols.width - G.margin - G.systemW;
  let y = contentTop + (contentH - cols.height) / 2;
  for (const system of cols.systems) {
    const own = legs.get(system.id) ?? [];
    const box = { x: round(sysX), y: round(y), w: G.systemW, h: systemHeight(own.length) };
    nodes.push(nodeLayout(system, side, box));
    const centre = y + box.h / 2;
    own.forEach((leg, k) => placed.push({ ...leg, box, y: round(centre + (k - (own.length - 1) / 2) * G.legGap) }));
    y += box.h + G.rowGap;
  }
  const zoneW = G.systemW + (cols.hasCc ? G.gap + G.ccW : 0) + G.gap;
  const zoneX = side === 'left' ? sysX - G.margin / 2 : sysX + G.systemW + G.margin / 2 - zoneW;
  const zone = { x: round(zoneX), y: contentTop - G.zoneTitle, w: zoneW, h: contentH + G.zoneTitle + G.margin / 2 };
  return { nodes, placed, zone };
}

function portYs(count: number, tenant: Box): number[] {
  const usable = tenant.h - 2 * G.portGap;
  const step = count > 1 ? Math.min(G.portGapMax, usable / (count - 1)) : 0;
  const first = tenant.y + tenant.h / 2 - (step * (count - 1)) / 2;
  return Array.from({ length: count }, (_, i) => round(first + i * step));
}

function edgeLayouts(placed: PlacedLeg[], cols: SideColumns, side: 'left' | 'right', tenant: Box): EdgeLayout[] {
  const sign = side === 'left' ? 1 : -1;
  const ports = portYs(placed.length, tenant);
  const ordered = [...placed].sort((a, b) => a.y - b.y);
  return ordered.map((leg, i) => {
    const sysEdge = side === 'left' ? leg.box.x + leg.box.w : leg.box.x;
    const ccCentre = sysEdge + sign * (G.gap + G.ccW / 2);
    const labelStart = sysEdge + sign * (G.gap + (cols.hasCc ? G.ccW + G.gap : 0));
    const labelCentre = labelStart + (sign * cols.labelW) / 2;
    const labelEnd = labelStart + sign * cols.labelW;
    const tenantEdge = side === 'left' ? tenant.x : tenant.x + tenant.w;
    const port = ports[i]!;
    const mid = round((labelEnd + tenantEdge) / 2);
    const forward = `M ${round(sysEdge)} ${leg.y} L ${round(labelEnd)} ${leg.y} C ${mid} ${leg.y} ${mid} ${port} ${round(tenantEdge)} ${port}`;
    const backward = `M ${round(tenantEdge)} ${port} C ${mid} ${port} ${mid} ${leg.y} ${round(labelEnd)} ${leg.y} L ${round(sysEdge)} ${leg.y}`;
    const w = labelWidth(leg.edge);
    return {
      id: leg.edge.id,
      number: leg.edge.number,
      direction: leg.edge.direction,
      state: leg.edge.state,
      side,
      systemId: leg.system.id,
      path: leg.edge.direction === 'inbound' ? forward : backward,
      label: { x: round(labelCentre - w / 2), y: round(leg.y - G.labelH / 2), w, h: G.labelH, text: edgeLabelText(leg.edge.protocol, leg.edge.auth), lines: labelLines(leg.edge) },
      cloudConnector: leg.edge.viaCloudConnector
        ? { x: round(ccCentre - G.ccW / 2), y: round(leg.y - G.ccH / 2), w: G.ccW, h: G.ccH }
        : null,
    };
  });
}

/** Lays out the whole diagram. Systems keep their input order within their side. */
export function layoutDiagram(input: DiagramInput): DiagramLayout {
  const { legs, skipped } = collectLegs(input);
  const left = measureSide(input.systems.filter((s) => s.zone === 'customer'), legs);
  const right = measureSide(input.systems.filter((s) => s.zone !== 'customer'), legs);
  const countOn = (cols: SideColumns) => cols.systems.reduce((n, s) => n + (legs.get(s.id)?.length ?? 0), 0);
  const maxPorts = Math.max(countOn(left), countOn(right));
  const tenantH = Math.max(G.tenantMinH, maxPorts * G.portGap + 2 * G.portGap);
  const contentH = Math.max(left.height, right.height, tenantH);
  const contentTop = G.margin + G.zoneTitle;
  const tenantBox = { x: left.width, y: round(contentTop + (contentH - tenantH) / 2), w: G.tenantW, h: tenantH };
  const l = placeSide(left, legs, 'left', tenantBox.x, contentTop, contentH);
  const r = placeSide(right, legs, 'right', tenantBox.x + tenantBox.w, contentTop, contentH);
  return {
    width: left.width + G.tenantW + right.width,
    height: contentTop + contentH + G.margin,
    tenant: nodeLayout(input.tenant, 'center', tenantBox),
    nodes: [...l.nodes, ...r.nodes],
    edges: [...edgeLayouts(l.placed, left, 'left', tenantBox), ...edgeLayouts(r.placed, right, 'right', tenantBox)].sort(
      (a, b) => a.number - b.number || a.id.localeCompare(b.id),
    ),
    zones: [
      { zone: 'customer', title: 'Customer landscape', box: l.zone },
      { zone: 'cloud', title: 'Cloud', box: r.zone },
    ],
    skipped,
  };
}
