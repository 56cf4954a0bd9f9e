/**
 * The history document: bounded per pathway, newest first, no transcript, its own file, and a
 * corrupt file kept aside instead of silently reset.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/services/logger';
import { createFileBackend } from '../../../main/services/store/file-backend';
import { createProbeHistory, HISTORY_PER_PATHWAY } from '../../../main/services/probes/probe-history';
import type { ProbeResult } from '../../../shared/probe/probe-types';
import { makeHome } from '../../support/test-services';

function result(i: number): ProbeResult {
  const t = new Date(Date.UTC(2026, 10, 25, 12, 0, i)).toISOString();
  return {
    probeId: `p${i}`,
    kind: 'https',
    target: { host: 'h', port: 443 },
    verdict: i % 2 ? 'passed' : 'failed',
    startedAt: t,
    finishedAt: t,
    steps: [{ id: 'tls', label: 'TLS', status: 'ok', startedMs: 0, durationMs: 3 }],
    findings: [],
    transcript: ['> Authorization: Basic [redacted]'],
    route: 'direct',
    chain: [{ subject: 'CN=h', issuer: 'CN=ca', notBefore: t, notAfter: t, serialNumber: '01', fingerprintSha256: 'AA', selfSigned: false }],
  };
}

const history = (dir: string) => createProbeHistory({ backend: createFileBackend, dataDir: dir, log: silentLogger, now: () => new Date() });

describe('probe history', () => {
  it('keeps a bounded number per pathway, newest first, without transcripts', () => {
    const dir = makeHome('probe-history-');
    const h = history(dir);
    for (let i = 0; i < HISTORY_PER_PATHWAY + 5; i++) h.record('l1', 2, result(i));
    h.record('l1', 3, result(99));
    const list = h.list('l1', 2);
    expect(list).toHaveLength(HISTORY_PER_PATHWAY);
    expect(list[0]?.probeId).toBe(`p${HISTORY_PER_PATHWAY + 4}`);
    expect(list[0]?.chain?.[0]?.subject).toBe('CN=h');
    expect(list[0]?.route).toBe('direct');
    expect(Object.keys(h.forLandscape('l1')).sort()).toEqual(['2', '3']);
    const file = readFileSync(`${dir}/probe-history.json`, 'utf8');
    expect(file).not.toContain('transcript');
    expect(history(dir).list('l1', 3)[0]?.probeId).toBe('p99');
  });

  it('keeps a corrupt file aside and starts empty', () => {
    const dir = makeHome('probe-history-');
    writeFileSync(`${dir}/probe-history.json`, '{ not json');
    const h = history(dir);
    expect(h.list('l1', 1)).toEqual([]);
    expect(readdirSync(dir).some((f) => f.startsWith('probe-history.corrupt-'))).toBe(true);
    h.record('l1', 1, result(1));
    expect(existsSync(`${dir}/probe-history.json`)).toBe(true);
  });
});
