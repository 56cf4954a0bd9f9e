/**
 * From the model to a probe: what happens before any network — an empty or non-https endpoint, a
 * credential missing from the vault, an On-Premise route — each ends as an explained finding.
 */
import { describe, expect, it } from 'vitest';
import { landscapeSchema, type Landscape } from '../../../shared/landscape';
import { AppError } from '../../../shared/result';
import { createRedactor, silentLogger } from '../../../main/services/logger';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { planHttpsProbe, type PlanDeps } from '../../../main/services/probes/pathway-plan';

const now = new Date().toISOString();
const engine = createProbeEngine({ redactor: createRedactor(), log: silentLogger });
const deps: PlanDeps = {
  vault: { get: async (id) => Promise.reject(new AppError('NOT_FOUND', `No credential with id "${id}".`, 'id')), readSecret: async () => ({}) },
  env: {},
  now: () => new Date(),
};

function landscapeWith(pathway: Record<string, unknown>): Landscape {
  return landscapeSchema.parse({
    id: 'l1',
    name: 'L',
    createdAt: now,
    updatedAt: now,
    systems: [{ id: 's4', name: 'S/4HANA', kind: 's4hana-cloud' }],
    pathways: [{ id: 'p1', number: 1, from: 'tenant', to: 's4', protocol: 'https', adapter: 'http', auth: 'basic', updatedAt: now, ...pathway }],
  });
}

async function probe(pathway: Record<string, unknown>) {
  const l = landscapeWith(pathway);
  return engine.run(planHttpsProbe(l, l.pathways[0]!, deps));
}

describe('planning a pathway probe', () => {
  it('an empty endpoint is a model finding for this app, not a network error', async () => {
    const r = await probe({ endpoint: '' });
    expect(r.verdict).toBe('failed');
    expect(r.findings[0]).toMatchObject({ code: 'model.endpoint-invalid', whereToFix: 'this-app' });
  });
  it('refuses a plain http:// endpoint on an Internet route', async () => {
    const r = await probe({ endpoint: 'http://s4.example.com/sap/opu' });
    expect(r.findings[0]?.code).toBe('model.endpoint-invalid');
  });
  it('a credential missing from the vault is named before anything is sent', async () => {
    const r = await probe({ endpoint: 'https://127.0.0.1:9/x', credentialId: 'gone' });
    expect(r.findings.map((f) => f.code)).toEqual(['model.credential-missing']);
    expect(r.findings[0]?.message).toContain('gone');
    // The route step only decides how to reach the peer; nothing is sent before the credential is read.
    expect(r.steps.map((s) => s.id)).toEqual(['route', 'credentials']);
  });
  it('a pathway without a credential says so', async () => {
    const r = await probe({ endpoint: 'https://127.0.0.1:9/x' });
    expect(r.findings[0]?.code).toBe('model.credential-missing');
  });
  it('On-Premise: not probed from the laptop, with the model findings', async () => {
    const r = await probe({ endpoint: 'https://s4.internal:443/sap', proxy: { type: 'on-premise', locationId: '', virtualHost: 's4-virtual' } });
    expect(r.findings[0]?.code).toBe('onprem.not-probed');
    // An https:// address to the Cloud Connector fails in the model check; nothing went over the wire.
    expect(r.steps).toEqual([expect.objectContaining({ id: 'route', status: 'skipped' }), expect.objectContaining({ id: 'model', status: 'failed' })]);
    expect(r.verdict).toBe('failed');
    expect(r.findings.length).toBeGreaterThan(1);
  });
  it('On-Premise with a sound model: "not probed", never "passed with warnings", and says what was checked', async () => {
    const r = await probe({ endpoint: 'http://s4-virtual:8000/sap', credentialName: 'S4_BASIC', proxy: { type: 'on-premise', locationId: 'LOC1', virtualHost: 's4-virtual:8000' } });
    expect(r.verdict).toBe('not-probed');
    expect(r.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['route:skipped', 'model:ok']);
    expect(r.findings.map((f) => f.severity)).not.toContain('warning');
    expect(r.findings[0]?.message).toMatch(/^Not probed from the laptop: .* Checked instead: the address \(http:\/\/ on the virtual host\), the location ID and the authentication/);
  });
  it('uses the deadline set on the pathway', async () => {
    const l = landscapeWith({ endpoint: 'https://127.0.0.1:9/x', probe: { deadlineMs: 1234 } });
    expect(planHttpsProbe(l, l.pathways[0]!, deps).deadlineMs).toBe(1234);
  });
});
