/**
 * Probe all: bounded concurrency, one silent peer does not hold the others back, cancel one or all
 * (queued probes included), and every probe ends with a result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landscapeSchema, type Landscape } from '../../../shared/landscape';
import { createRedactor, silentLogger } from '../../../main/services/logger';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { createProbeService } from '../../../main/services/probes/probe-service';
import type { HistoryEntry, ProbeHistory } from '../../../main/services/probes/probe-history';
import type { PathwayPlanner } from '../../../main/services/probes/pathway-plan';
import { createTlsRunner } from '../../../main/services/probes/tls-probe';
import { startHostilePeer, type HostilePeer } from '../../peers/hostile';
import { startOpensslServer, type RunningPeer } from '../../peers/openssl-server';
import { createTestPki } from '../../peers/pki';

let fast: RunningPeer;
let silent: HostilePeer;
const now = new Date().toISOString();

function landscape(n: number): Landscape {
  return landscapeSchema.parse({
    id: `l${n}`,
    name: `L${n}`,
    createdAt: now,
    updatedAt: now,
    pathways: Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}`, number: i + 1, from: 'tenant', to: 's', protocol: 'https', adapter: 'http', auth: 'basic', updatedAt: now })),
  });
}

function memoryHistory(): ProbeHistory & { entries: HistoryEntry[] } {
  const entries: HistoryEntry[] = [];
  return { entries, record: (_l, _n, r) => void entries.push(r), list: () => entries, forLandscape: () => ({}) };
}

function service(slowNumbers: number[], concurrency: number, deadlineMs = 1500) {
  const planner: PathwayPlanner = (l, p) => {
    const port = slowNumbers.includes(p.number) ? silent.port : fast.port;
    const host = '127.0.0.1';
    return { kind: 'tls', target: { host, port }, landscapeId: l.id, pathwayNumber: p.number, deadlineMs, runner: createTlsRunner({ host, port, route: { kind: 'direct' }, trust: { local: [], localRole: 'info' } }) };
  };
  const history = memoryHistory();
  const svc = createProbeService({
    engine: createProbeEngine({ redactor: createRedactor(), log: silentLogger }),
    history,
    landscapes: { get: (ref) => landscape(Number(ref)) },
    vault: { get: async () => { throw new Error('unused'); }, readSecret: async () => ({}) },
    env: {},
    now: () => new Date(),
    planners: { https: planner },
    concurrency,
  });
  return { svc, history };
}

beforeAll(async () => {
  const pki = await createTestPki();
  fast = await startOpensslServer({ pki, leaf: pki.server });
  silent = await startHostilePeer('silent');
});
afterAll(async () => {
  await fast?.stop();
  await silent?.stop();
});

describe('probe all', () => {
  it('runs every pathway; the slow one does not hold the others back', async () => {
    const { svc, history } = service([1], 3);
    const run = svc.startAll('8', () => {});
    const results = await run.done;
    expect(results).toHaveLength(8);
    expect(results[0]?.verdict).toBe('timed-out');
    const slowEnd = results[0]!.finishedAt;
    for (const r of results.slice(1)) {
      expect(r.verdict).not.toBe('timed-out');
      expect(r.finishedAt <= slowEnd).toBe(true);
    }
    expect(history.entries).toHaveLength(8);
  });

  it('cancels one probe while the others finish', async () => {
    const { svc } = service([2], 4, 10_000);
    let cancelled = false;
    const run = svc.startAll('4', (p) => {
      if (!cancelled && p.pathwayNumber === 2 && p.step?.id === 'tls' && p.step.status === 'running') {
        cancelled = svc.cancel(p.probeId).cancelled;
      }
    });
    const results = await run.done;
    expect(cancelled).toBe(true);
    // The others end on their own (the server's certificate is not trusted here: failed, never cancelled).
    expect(results[1]?.verdict).toBe('cancelled');
    expect(results.filter((r) => r.verdict === 'cancelled')).toHaveLength(1);
    expect(results.filter((r) => r.verdict === 'failed' || r.verdict === 'passed' || r.verdict === 'warning')).toHaveLength(3);
  });

  it('cancel all reaches running and queued probes', async () => {
    const { svc } = service([1, 2, 3, 4, 5, 6], 2, 10_000);
    const run = svc.startAll('6', () => {});
    expect(svc.activeCount()).toBe(6);
    await new Promise((r) => setTimeout(r, 100));
    expect(svc.cancelAll().cancelled).toBe(6);
    const results = await run.done;
    expect(results.map((r) => r.verdict)).toEqual(Array(6).fill('cancelled'));
    expect(svc.activeCount()).toBe(0);
  });
});
