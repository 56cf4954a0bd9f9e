import { describe, expect, it } from 'vitest';
import { findTemplate, instantiateTemplate, viewPathways, type Landscape } from '../../../shared/landscape';
import { combineEdgeState, edgeAccessibleName, stateFromFindings, toDiagramInput } from '../../../shared/diagram/from-landscape';
import { layoutDiagram } from '../../../shared/diagram/layout';

function template(stage: Landscape['stage'] = 'development'): Landscape {
  let n = 0;
  const l = instantiateTemplate(findTemplate('s4-sscv2')!, { id: 'l1', name: 'Seed 002', now: '2026-11-25T00:00:00.000Z', newId: () => `id-${++n}` });
  return { ...l, stage };
}

describe('landscape → diagram', () => {
  it('draws seed 002: the tenant, S/4HANA on the customer side, SSCv2 in the cloud, four numbered edges', () => {
    const input = toDiagramInput(template());
    expect(input.tenant.name).toBe('Cloud Integration');
    expect(input.systems.map((s) => [s.name, s.zone])).toEqual([
      ['SAP S/4HANA', 'customer'],
      ['SAP Sales and Service Cloud V2', 'cloud'],
    ]);
    expect(input.edges.map((e) => [e.number, e.direction])).toEqual([
      [1, 'inbound'],
      [2, 'outbound'],
      [3, 'inbound'],
      [4, 'outbound'],
    ]);
    expect(input.edges.map((e) => e.viaCloudConnector)).toEqual([false, false, false, true]);
    const layout = layoutDiagram(input);
    expect(layout.edges.filter((e) => e.cloudConnector).map((e) => e.number)).toEqual([4]);
  });

  it('names each edge the way a screen reader should say it', () => {
    const l = template();
    const views = viewPathways(l);
    const input = toDiagramInput(l, views);
    const name = edgeAccessibleName(views[0]!, input.edges[0]!.state);
    expect(name).toMatch(/^Pathway 1: SAP S\/4HANA to Cloud Integration, inbound, HTTPS, Basic authentication, /);
    expect(edgeAccessibleName(views[1]!, 'ready')).toBe(
      'Pathway 2: Cloud Integration to SAP Sales and Service Cloud V2, outbound, HTTPS, Client certificate authentication, ready to test',
    );
  });

  it('lets the findings decide the state: errors not configured, warnings warning, a complete pathway ready', () => {
    const f = (severity: 'info' | 'warning' | 'error', code = 'X') => ({ code, severity, message: '', fix: '', whereToFix: 'this-app' as const });
    expect(stateFromFindings([])).toBe('ready');
    expect(stateFromFindings([f('info', 'ENDPOINT_MISSING')])).toBe('not-configured');
    expect(stateFromFindings([f('info', 'ENDPOINT_MISSING'), f('warning')])).toBe('warning');
    expect(stateFromFindings([f('warning'), f('error')])).toBe('not-configured');
    expect(stateFromFindings([f('info', 'CREDENTIAL_NAME_MISSING')])).toBe('ready');
  });

  it('flags Basic authentication on edges 1 and 4 of a production landscape', () => {
    const views = viewPathways(template('production'));
    const flagged = views.filter((v) => v.findings.some((x) => x.code === 'PRODUCTION_BASIC_AUTH')).map((v) => v.number);
    expect(flagged).toEqual([1, 4]);
    const input = toDiagramInput(template('production'), views);
    expect(input.edges.filter((e) => e.number === 1 || e.number === 4).map((e) => e.state)).toEqual(['warning', 'warning']);
  });

  it('lets a conclusive probe result decide the state, and falls back to the findings when unprobed', () => {
    expect(combineEdgeState('not-configured', 'passed')).toBe('passed');
    expect(combineEdgeState('ready', 'stale')).toBe('stale');
    expect(combineEdgeState('warning', 'unprobed')).toBe('warning');
    expect(combineEdgeState('ready', undefined)).toBe('ready');
    const input = toDiagramInput(template(), undefined, { 2: 'failed' });
    expect(input.edges.map((e) => e.state)[1]).toBe('failed');
  });
});
