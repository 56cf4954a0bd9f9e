/**
 * Probe-all history writes are coalesced: results arriving together go to probe-history.json in one
 * write, each waiter resolves once its result is on disk, a read can flush what is pending, and a
 * failed write rejects its waiters.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/services/logger';
import { createHistoryBatch } from '../../../main/services/probes/history-batch';
import { createProbeHistory, type ProbeHistory } from '../../../main/services/probes/probe-history';
import { createFileBackend } from '../../../main/services/store/file-backend';
import type { ProbeResult } from '../../../shared/probe/probe-types';
import { makeHome } from '../../support/test-services';

function result(i: number): ProbeResult {
  const t = new Date(Date.UTC(2026, 10, 25, 12, 0, i)).toISOString();
  return { probeId: `p${i}`, kind: 'tls', target: { host: 'h', port: 443 }, verdict: 'passed', startedAt: t, finishedAt: t, steps: [], findings: [], transcript: ['secret-free line'] };
}

describe('history batch', () => {
  it('writes results that arrive together in one update, each readable when its promise resolves', async () => {
    const dir = makeHome('history-batch-');
    const real = createProbeHistory({ backend: createFileBackend, dataDir: dir, log: silentLogger, now: () => new Date() });
    const writes: number[] = [];
    const counting: ProbeHistory = { ...real, recordMany: (rs) => (writes.push(rs.length), real.recordMany?.(rs)) };
    const { record } = createHistoryBatch(counting);
    await Promise.all(Array.from({ length: 30 }, (_, i) => record('l1', i + 1, result(i))));
    expect(writes).toEqual([30]);
    const fresh = createProbeHistory({ backend: createFileBackend, dataDir: dir, log: silentLogger, now: () => new Date() });
    expect(Object.keys(fresh.forLandscape('l1'))).toHaveLength(30);
    expect(fresh.list('l1', 7)[0]?.probeId).toBe('p6');
    const late = record('l1', 1, result(40));
    await late;
    expect(fresh.list('l1', 1).map((e) => e.probeId)).toEqual(['p40', 'p0']);
    expect(writes).toEqual([30, 1]);
  });

  it('flush writes what is pending at once, so a read right after a result sees it', async () => {
    const dir = makeHome('history-batch-');
    const history = createProbeHistory({ backend: createFileBackend, dataDir: dir, log: silentLogger, now: () => new Date() });
    const batch = createHistoryBatch(history);
    const done = batch.record('l1', 3, result(3));
    expect(history.list('l1', 3)).toEqual([]);
    batch.flush();
    expect(history.list('l1', 3)[0]?.probeId).toBe('p3');
    await done;
  });

  it('rejects the waiters of a write that failed', async () => {
    const failing: ProbeHistory = { record: () => undefined, list: () => [], forLandscape: () => ({}), recordMany: () => { throw new Error('disk full'); } };
    const { record } = createHistoryBatch(failing);
    await expect(Promise.all([record('l1', 1, result(1)), record('l1', 2, result(2))])).rejects.toThrow('disk full');
  });
});
