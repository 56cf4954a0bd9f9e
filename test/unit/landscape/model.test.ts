import { describe, expect, it } from 'vitest';
import {
  TEMPLATES,
  TENANT_ID,
  checkPathway,
  deriveDirection,
  findTemplate,
  instantiateTemplate,
  landscapeSchema,
  listTemplates,
  validAuthMethods,
  viewPathways,
  type Landscape,
  SYSTEM_KINDS,
} from '../../../shared/landscape';

let n = 0;
const newId = () => `id-${++n}`;
const make = (templateId: string, name = 'L'): Landscape =>
  instantiateTemplate(findTemplate(templateId)!, { id: newId(), name, now: '2026-01-01T00:00:00.000Z', newId });

describe('templates', () => {
  it('lists the eight template ids', () => {
    expect(listTemplates().map((t) => t.id)).toEqual(['s4-sscv2', 'sftp-receiver', 'mail-receiver', 'ftp-receiver', 'mailbox-sender', 'amqp-receiver', 'successfactors-receiver', 'blank']);
  });

  it('s4-sscv2 is the four pathways of seed 002', () => {
    const l = make('s4-sscv2');
    const rows = viewPathways(l).map((v) => [v.number, v.from, v.to, v.direction, v.auth]);
    expect(rows).toEqual([
      [1, 'SAP S/4HANA', 'Cloud Integration', 'inbound', 'basic'],
      [2, 'Cloud Integration', 'SAP Sales and Service Cloud V2', 'outbound', 'client-certificate'],
      [3, 'SAP Sales and Service Cloud V2', 'Cloud Integration', 'inbound', 'client-certificate'],
      [4, 'Cloud Integration', 'SAP S/4HANA', 'outbound', 'basic'],
    ]);
    // Seed 002: inbound in the BTP cockpit, outbound in the CI Monitor.
    const views = viewPathways(l);
    expect(views[0]!.maintainedAt).toEqual(['btp-cockpit', 'peer-system']);
    expect(views[1]!.maintainedAt).toEqual(['ci-monitor', 'peer-system']);
    expect(views[2]!.maintainedAt[0]).toBe('btp-cockpit');
    expect(views[3]!.maintainedAt[0]).toBe('ci-monitor');
    expect(views[0]!.accessRights['btp-cockpit']!.join(' ')).toMatch(/Space Developer/);
  });

  it('every template instantiates into a schema-valid landscape with no structural errors', () => {
    for (const t of TEMPLATES) {
      const l = make(t.id);
      expect(landscapeSchema.safeParse(l).success).toBe(true);
      for (const p of l.pathways) {
        expect(checkPathway(l, p).filter((f) => ['AUTH_NOT_VALID', 'DIRECTION_NO_TENANT', 'UNKNOWN_SYSTEM', 'ADAPTER_NOT_VALID'].includes(f.code))).toEqual([]);
      }
    }
  });

  it('every catalogue kind has peer steps with unique ids per side', () => {
    expect(SYSTEM_KINDS.map((k) => k.id)).toHaveLength(12);
    for (const k of SYSTEM_KINDS) {
      for (const side of [k.asSender, k.asReceiver]) expect(new Set(side.map((s) => s.id)).size).toBe(side.length);
    }
  });
});

describe('direction and auth', () => {
  it('derives direction from the tenant end', () => {
    expect(deriveDirection({ from: 'a', to: TENANT_ID })).toBe('inbound');
    expect(deriveDirection({ from: TENANT_ID, to: 'a' })).toBe('outbound');
    expect(deriveDirection({ from: 'a', to: 'b' })).toBeUndefined();
    expect(deriveDirection({ from: TENANT_ID, to: TENANT_ID })).toBeUndefined();
  });

  it('lists the valid methods per protocol and direction', () => {
    expect(validAuthMethods('https', 'inbound')).toEqual(['basic', 'client-certificate', 'oauth2-client-credentials', 'none']);
    expect(validAuthMethods('sftp', 'outbound')).toEqual(['password', 'public-key', 'dual', 'none']);
    expect(validAuthMethods('smtp', 'outbound')).toEqual(['none', 'plain', 'encrypted']);
    expect(validAuthMethods('smtp', 'inbound')).toEqual([]);
  });

  it('SFTP credentials live in the CI Monitor even when the server is the sender', () => {
    const l = make('sftp-receiver');
    const p = l.pathways[0]!;
    const reversed = { ...l, pathways: [{ ...p, from: p.to, to: p.from }] };
    const v = viewPathways(reversed)[0]!;
    expect(v.direction).toBe('inbound');
    expect(v.maintainedAt[0]).toBe('ci-monitor');
    expect(v.steps.map((s) => s.id)).toContain('ci-known-hosts');
  });

  it('a Cloud Connector HTTPS receiver asks for no server root CA (CI speaks http:// to the connector)', () => {
    const l = make('s4-sscv2');
    const p4 = l.pathways[3]!;
    const ids = (proxy: Landscape['pathways'][number]['proxy']) => viewPathways({ ...l, pathways: [{ ...p4, proxy }] })[0]!.steps.map((s) => s.id);
    expect(ids({ type: 'internet' })).toContain('ci-keystore-trust');
    const onPremise = ids({ type: 'on-premise', locationId: 'LOC1', virtualHost: 's4-virtual:8000' });
    expect(onPremise).not.toContain('ci-keystore-trust');
    expect(onPremise).toContain('cc-mapping');
  });

  it('marks ticked steps as done', () => {
    const l = make('s4-sscv2');
    l.pathways[0]!.checklistDone = ['btp-instance'];
    const steps = viewPathways(l)[0]!.steps;
    expect(steps.find((s) => s.id === 'btp-instance')!.done).toBe(true);
    expect(steps.find((s) => s.id === 'btp-service-key')!.done).toBe(false);
  });
});
