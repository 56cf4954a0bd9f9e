import { describe, expect, it } from 'vitest';
import type { DiagramEdge, DiagramInput, DiagramNode } from '../../../shared/diagram/diagram-types';
import { labelLines, labelWidth, layoutDiagram, type Box, type DiagramLayout } from '../../../shared/diagram/layout';

const TENANT: DiagramNode = { id: 't', name: 'Cloud Integration (dev tenant eu10)', kind: 'Cloud Integration', zone: 'tenant' };
const NAMES = ['SAP S/4HANA', 'SAP Sales and Service Cloud Version 2', 'SFTP server of the logistics partner', 'Mail', 'SAP SuccessFactors'];
const PROTOCOLS = ['HTTPS', 'SOAP', 'IDoc', 'SFTP', 'OData V2'];
const AUTHS = ['basic', 'client-certificate', 'oauth2-client-credentials', 'principal-propagation', 'none'];

/** A landscape of `count` systems, `customer` of them on premise, with a varying number of legs. */
function landscape(count: number, customer: number, legsFor: (i: number) => number): DiagramInput {
  const systems: DiagramNode[] = [];
  const edges: DiagramEdge[] = [];
  let number = 1;
  for (let i = 0; i < count; i++) {
    const id = `s${i}`;
    systems.push({ id, name: NAMES[i % NAMES.length]!, kind: 'system', zone: i < customer ? 'customer' : 'cloud' });
    for (let k = 0; k < legsFor(i); k++) {
      const inbound = k % 2 === 0;
      edges.push({
        id: `p${number}`,
        number,
        from: inbound ? id : 't',
        to: inbound ? 't' : id,
        direction: inbound ? 'inbound' : 'outbound',
        protocol: PROTOCOLS[(i + k) % PROTOCOLS.length]!,
        auth: AUTHS[(i * 3 + k) % AUTHS.length]!,
        state: 'ready',
        viaCloudConnector: i < customer && !inbound && (i + k) % 3 !== 0,
        // Some labels carry the expiry radar's mark ("12 d left" / "expired"), which widens them.
        ...((i + k) % 4 === 1 ? { expiryDays: (i * 7 + k) % 40 - 5 } : {}),
      });
      number++;
    }
  }
  return { tenant: TENANT, systems, edges };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function allBoxes(layout: DiagramLayout): Array<{ what: string; box: Box }> {
  return [
    { what: 'tenant', box: layout.tenant.box },
    ...layout.nodes.map((n) => ({ what: `node ${n.id}`, box: n.box })),
    ...layout.edges.map((e) => ({ what: `label ${e.number}`, box: e.label })),
    ...layout.edges.flatMap((e) => (e.cloudConnector ? [{ what: `cc ${e.number}`, box: e.cloudConnector }] : [])),
  ];
}

function problemsOf(layout: DiagramLayout): string[] {
  const boxes = allBoxes(layout);
  const problems: string[] = [];
  boxes.forEach((a, i) => {
    if (a.box.x < 0 || a.box.y < 0 || a.box.x + a.box.w > layout.width || a.box.y + a.box.h > layout.height) {
      problems.push(`${a.what} outside the canvas`);
    }
    for (const b of boxes.slice(i + 1)) if (overlaps(a.box, b.box)) problems.push(`${a.what} overlaps ${b.what}`);
  });
  return problems;
}

const LEG_MIXES: Array<[string, (i: number) => number]> = [
  ['two legs each', () => 2],
  ['one leg each', () => 1],
  ['zero to three legs', (i) => i % 4],
  ['four legs on some', (i) => (i % 3 === 0 ? 4 : 2)],
];

describe('diagram layout', () => {
  it('places no node, label or Cloud Connector badge over another for 1 to 12 systems in every mix', () => {
    let checked = 0;
    for (let count = 1; count <= 12; count++) {
      for (let customer = 0; customer <= count; customer++) {
        for (const [mix, legsFor] of LEG_MIXES) {
          const input = landscape(count, customer, legsFor);
          const layout = layoutDiagram(input);
          expect(problemsOf(layout), `${count} systems, ${customer} on premise, ${mix}`).toEqual([]);
          expect(layout.nodes).toHaveLength(count);
          expect(layout.edges).toHaveLength(input.edges.length);
          checked++;
        }
      }
    }
    expect(checked).toBe(4 * (2 + 3 + 4 + 5 + 6 + 7 + 8 + 9 + 10 + 11 + 12 + 13));
  });

  it('puts the tenant in the middle, customer systems left and cloud systems right', () => {
    const layout = layoutDiagram(landscape(6, 3, () => 2));
    const tenant = layout.tenant.box;
    for (const node of layout.nodes) {
      const customer = Number(node.id.slice(1)) < 3;
      if (customer) expect(node.box.x + node.box.w).toBeLessThan(tenant.x);
      else expect(node.box.x).toBeGreaterThan(tenant.x + tenant.w);
    }
  });

  it('draws the two directions between a system and the tenant as two edges with their own paths', () => {
    const layout = layoutDiagram(landscape(2, 1, () => 2));
    const [one, two, three, four] = layout.edges;
    expect(layout.edges.map((e) => e.number)).toEqual([1, 2, 3, 4]);
    expect(one!.systemId).toBe(two!.systemId);
    expect(one!.path).not.toBe(two!.path);
    expect(one!.label.y).not.toBe(two!.label.y);
    // Paths run in the direction of flow so the arrowhead (marker-end) sits at the receiver.
    const start = (path: string) => Number(path.split(' ')[1]);
    const tenant = layout.tenant.box;
    expect(start(one!.path)).toBeLessThan(tenant.x); // inbound starts at the customer system (left)
    expect(start(two!.path)).toBe(tenant.x); // outbound starts at the tenant
    expect(start(three!.path)).toBeGreaterThan(tenant.x + tenant.w); // inbound from the cloud system
    expect(start(four!.path)).toBe(tenant.x + tenant.w);
    expect(two!.label.text).toMatch(/ · /);
  });

  it('draws a Cloud Connector badge only on legs that go through it', () => {
    const layout = layoutDiagram(landscape(3, 3, () => 2));
    const input = landscape(3, 3, () => 2);
    for (const edge of layout.edges) {
      const via = input.edges.find((e) => e.id === edge.id)!.viaCloudConnector;
      expect(edge.cloudConnector !== null).toBe(via);
    }
    expect(layout.edges.some((e) => e.cloudConnector)).toBe(true);
  });

  it('is deterministic: same input, same layout, whatever the order of the edges', () => {
    const input = landscape(9, 4, (i) => i % 4);
    const first = JSON.stringify(layoutDiagram(input));
    expect(JSON.stringify(layoutDiagram(structuredClone(input)))).toBe(first);
    const reversed = { ...input, edges: [...input.edges].reverse() };
    expect(JSON.stringify(layoutDiagram(reversed))).toBe(first);
  });

  it('skips an edge that does not join a known system and the tenant', () => {
    const input = landscape(2, 1, () => 1);
    input.edges.push({ ...input.edges[0]!, id: 'stray', number: 99, from: 'nowhere', to: 't' });
    const layout = layoutDiagram(input);
    expect(layout.skipped).toEqual(['stray']);
    expect(layout.edges.map((e) => e.id)).not.toContain('stray');
  });

  it('wraps a long system name to at most two lines', () => {
    const layout = layoutDiagram(landscape(2, 0, () => 2));
    const long = layout.nodes.find((n) => n.name.startsWith('SAP Sales'))!;
    expect(long.lines.length).toBeLessThanOrEqual(2);
    expect(long.lines.join(' ').replace('…', '').length).toBeGreaterThan(10);
  });
});

describe('expiry mark on an edge label', () => {
  it('says the days left (or expired) on the authentication line and widens the label to fit', () => {
    const edge = { protocol: 'HTTPS', auth: 'client-certificate' };
    expect(labelLines({ ...edge, expiryDays: 12 })).toEqual(['HTTPS', 'Certificate · 12 d left']);
    expect(labelLines({ ...edge, expiryDays: -3 })[1]).toBe('Certificate · expired');
    expect(labelLines(edge)[1]).toBe('Certificate');
    expect(labelWidth({ ...edge, expiryDays: 12 })).toBeGreaterThan(labelWidth(edge));
  });
});
