import { describe, expect, it } from 'vitest';
import { buildHandover, findTemplate, instantiateTemplate, renderHandoverMarkdown } from '../../../shared/landscape';

function s4sscv2() {
  let n = 0;
  return instantiateTemplate(findTemplate('s4-sscv2')!, { id: 'l1', name: 'Acme', now: '2026-11-25T00:00:00.000Z', newId: () => `id${++n}` });
}

describe('the handover', () => {
  it('groups what to create by place: BTP cockpit for inbound 1 and 3, CI Monitor for outbound 2 and 4, then each system', () => {
    const h = buildHandover(s4sscv2());
    expect(h.sections.map((s) => s.place)).toEqual(['btp-cockpit', 'ci-monitor', 'peer-system', 'peer-system']);
    const pathwaysAt = (i: number) => [...new Set(h.sections[i]!.items.map((x) => x.pathway))];
    expect(pathwaysAt(0)).toEqual([1, 3]);
    expect(pathwaysAt(1)).toEqual([2, 4]);
    expect(h.sections.slice(2).map((s) => s.where).sort()).toEqual(['SAP S/4HANA', 'SAP Sales and Service Cloud V2'].sort());
    expect(h.sections[0]!.accessRights.join(' ')).toMatch(/BTP cockpit/);
    expect(h.open).toBe(h.sections.flatMap((s) => s.items).length);
  });

  it('carries the ticks and renders Markdown checkboxes', () => {
    const l = s4sscv2();
    l.pathways[0]!.checklistDone = ['btp-instance'];
    const h = buildHandover(l);
    expect(h.done).toBe(1);
    const md = renderHandoverMarkdown(h);
    expect(md).toMatch(/^# Handover: Acme/);
    expect(md).toContain('- [x] **Process Integration Runtime instance** (pathway 1: SAP S/4HANA → Cloud Integration)');
    expect(md).toContain('## BTP cockpit');
    expect(md.match(/- \[ \]/g)?.length).toBe(h.open);
  });
});
