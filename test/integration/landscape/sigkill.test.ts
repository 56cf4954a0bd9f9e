/**
 * A writer killed with SIGKILL at arbitrary moments never costs a completed write: after every kill
 * the store reloads without problems, and every landscape holds at least the writes the child had
 * reported as done, in order, with nothing torn.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/services/logger';
import { createLandscapesService } from '../../../main/services/landscapes/landscapes-service';
import { createFileBackend } from '../../../main/services/store/file-backend';
import { makeHome } from '../../support/test-services';

const ROUNDS = 30;
const outDir = join(__dirname, '../../../.tmp/landscapes-kill');
const child = join(outDir, 'kill-writer-child.mjs');

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  await build({ entryPoints: [join(__dirname, 'kill-writer-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
});

/** Runs the child until it has reported `target` completed writes, then SIGKILLs it. */
function runAndKill(home: string, round: number, target: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, home, String(round)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let last = -1;
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
    proc.stderr.on('data', (d) => (stderr += d));
    proc.stdout.on('data', (chunk) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) last = Number(line);
      if (last >= target) proc.kill('SIGKILL');
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve(last);
    });
  });
}

describe('store under SIGKILL', () => {
  it(`keeps every completed write through ${ROUNDS} kills`, async () => {
    const home = makeHome('landscape-kill-');
    const reported: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const target = 1 + ((round * 7) % 11);
      reported.push(await runAndKill(home, round, target));
      const svc = createLandscapesService({ dataDir: home, backend: createFileBackend, log: silentLogger, now: () => new Date() });
      expect(svc.problems()).toEqual([]);
      for (let r = 0; r <= round; r++) {
        const done = reported[r]!;
        if (done < 0) continue; // killed before the landscape itself was created
        const hosts = svc.get(`round-${r}`).knownHosts;
        expect(hosts.length).toBeGreaterThanOrEqual(done);
        expect(hosts).toEqual(hosts.map((_, i) => `host-${i + 1} ssh-ed25519 AAAA${i + 1}`));
      }
    }
    expect(reported.filter((n) => n >= 1).length).toBeGreaterThan(ROUNDS / 2);
  }, 600_000);
});
