/**
 * All four pathways of the s4-sscv2 template probed through services.probes and the CLI against
 * loopback peers, with history as evidence, edge states, an On-Premise pathway that is not probed,
 * and the canary password in no result, history file or log. Needs the keyring session.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/composition';
import { runCli } from '../../../main/cli/run-cli';
import { createTestServices, makeHome } from '../../support/test-services';
import { CANARY, setUpS4Sscv2, type S4Fixture } from './s4-sscv2-fixture';

let home: string;
let services: Services;
let fx: S4Fixture;

beforeAll(async () => {
  home = makeHome('landscape-probes-');
  services = createTestServices(home);
  fx = await setUpS4Sscv2(services);
});
afterAll(async () => {
  await fx?.nginx.stop();
});

async function cli(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, readStdin: async () => '' }, () => services);
  return { code, stdout, stderr };
}

describe('the four s4-sscv2 pathways against loopback peers', () => {
  it.each([1, 2, 3, 4])('pathway %i passes, acting as the real caller', async (n) => {
    const r = await services.probes.start(fx.landscapeId, n, () => {}).done;
    expect(r.findings.filter((f) => f.severity !== 'info'), JSON.stringify(r.findings)).toEqual([]);
    expect(r.verdict).toBe('passed');
    expect(r.route).toBe('direct');
    expect(r.chain?.length).toBe(2);
  });

  it('probe all: every pathway, progress per pathway, history and edge states', async () => {
    const seen = new Set<number>();
    const run = services.probes.startAll(fx.landscapeId, (p) => p.result && seen.add(p.pathwayNumber ?? 0));
    const results = await run.done;
    expect(results.map((r) => r.verdict)).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect([...seen].sort()).toEqual([1, 2, 3, 4]);
    expect(services.probes.history(fx.landscapeId, 1).length).toBeGreaterThanOrEqual(2);
    expect(services.probes.history(fx.landscapeId, 2)[0]?.chain?.[0]?.subject).toContain('localhost');
    expect(services.probes.edgeStates(fx.landscapeId)).toEqual({ 1: 'passed', 2: 'passed', 3: 'passed', 4: 'passed' });
  });

  it('marks the edge stale when the pathway changes after the probe', () => {
    const p1 = services.landscapes.get(fx.landscapeId).pathways.find((p) => p.number === 1)!;
    services.landscapes.updatePathway(fx.landscapeId, p1.id, { notes: 'changed after the probe' });
    expect(services.probes.edgeStates(fx.landscapeId)[1]).toBe('stale');
  });

  it('a wrong password on pathway 1 → 401 with the service-key fix, in the BTP cockpit', async () => {
    const p1 = services.landscapes.get(fx.landscapeId).pathways.find((p) => p.number === 1)!;
    await services.vault.update(p1.credentialId!, { secret: { password: 'not-the-secret' } });
    const r = await services.probes.start(fx.landscapeId, 1, () => {}).done;
    expect(r.findings.map((f) => f.code)).toEqual(['http.401-inbound-basic']);
    await services.vault.update(p1.credentialId!, { secret: { password: CANARY } });
  });

  it('an On-Premise pathway is not probed: it says so and shows the model findings', async () => {
    const p4 = services.landscapes.get(fx.landscapeId).pathways.find((p) => p.number === 4)!;
    services.landscapes.updatePathway(fx.landscapeId, p4.id, { proxy: { type: 'on-premise', locationId: '', virtualHost: '' } });
    try {
      const r = await services.probes.start(fx.landscapeId, 4, () => {}).done;
      expect(r.verdict).not.toBe('passed');
      expect(r.findings[0]?.code).toBe('onprem.not-probed');
      // The model's own findings for the Cloud Connector route (https:// instead of http://virtualhost, …).
      expect(r.findings.some((f) => f.code.startsWith('ON_PREMISE'))).toBe(true);
      expect(r.steps[0]).toMatchObject({ status: 'skipped' });
      expect(r.steps.map((s) => s.id)).not.toContain('connect');
    } finally {
      services.landscapes.updatePathway(fx.landscapeId, p4.id, { proxy: { type: 'internet' } });
    }
  });

  it('CLI: probe --pathway --json, probe --all, tls HOST:PORT --ca, and the exit codes', async () => {
    const one = await cli('probe', '--landscape', fx.name, '--pathway', '2', '--json');
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({ verdict: 'passed', kind: 'https' });
    const all = await cli('probe', '--landscape', fx.name, '--all');
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('Pathway 4: PASSED');
    const ca = join(home, 'root.pem');
    writeFileSync(ca, fx.pki.root.certPem);
    const tls = await cli('tls', `localhost:${fx.nginx.ports[0]}`, '--ca', ca, '--json');
    expect(tls.code).toBe(0);
    expect(JSON.parse(tls.stdout).chain).toHaveLength(2);
    const untrusted = await cli('tls', `localhost:${fx.nginx.ports[0]}`);
    expect(untrusted.code).toBe(1);
    expect(untrusted.stdout).toContain('tls.untrusted-os');
    expect((await cli('probe', '--landscape', fx.name)).code).toBe(2);
    expect((await cli('tls')).code).toBe(2);
    expect((await cli('probe', '--landscape', 'no such landscape', '--pathway', '1')).code).toBe(1);
  });

  it('the canary password is in no history file and no log', () => {
    const files = readdirSync(home, { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(files.some((f) => f.name === 'probe-history.json')).toBe(true);
    for (const f of files) {
      const text = readFileSync(join(f.parentPath, f.name), 'utf8');
      expect(text, f.name).not.toContain(CANARY);
    }
  });
});
