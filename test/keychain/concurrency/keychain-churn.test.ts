/**
 * Listing the keychain while other processes delete entries of the same service. keytar's
 * findCredentials searches, then loads each item's secret; an item deleted in between crashed the
 * lister with SIGSEGV inside keytar (libsecret-CRITICAL "secret_value_get_text: assertion 'value'
 * failed") or failed with "No such secret item at path" — the test-worker deaths of full runs
 * (parallel workers share one keyring). The keychain lock (keychain-lock.ts) keeps listings and
 * deletes apart: here two listers and three churners, separate processes on the real keyring,
 * must all finish cleanly.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const outDir = join(__dirname, '../../../.tmp/keychain-churn');
const child = join(outDir, 'keychain-churn-child.mjs');

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  await build({ entryPoints: [join(__dirname, 'keychain-churn-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
});

function run(service: string, role: 'list' | 'churn', rounds: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [child, service, role, String(rounds)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => (err += d));
    proc.on('exit', (code, signal) => resolve({ code, signal, out, err }));
  });
}

describe('keychain listing beside deletes in other processes', () => {
  it('never crashes or fails a listing while entries are deleted (2 listers, 3 churners)', async () => {
    const service = `landscape-setup-churn-${randomUUID()}`;
    const results = await Promise.all([run(service, 'list', 150), run(service, 'list', 150), run(service, 'churn', 120), run(service, 'churn', 120), run(service, 'churn', 120)]);
    for (const r of results) {
      expect({ code: r.code, signal: r.signal, err: r.err }).toEqual({ code: 0, signal: null, err: '' });
      expect(r.out).toMatch(/^(list|churn) done \d+\n$/);
    }
    // The listers did meet entries of the churners (the race was there to be had).
    expect(results.slice(0, 2).some((r) => Number(r.out.split(' ')[2]) > 0)).toBe(true);
  }, 300_000);
});
