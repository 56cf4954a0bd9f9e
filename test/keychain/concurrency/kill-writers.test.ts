/**
 * Writers killed with SIGKILL at random moments, 100 times, four at a time on one data directory
 * (the real services, the real keychain): afterwards the store loads without problems, every change
 * a writer reported as done is there (landscapes created and renamed, credentials added and
 * removed), and the vault has no orphan — the intents killed writers left are finished by the
 * next writer. Bounded: a writer lives at most a few seconds; the whole test is one long case.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestServices, makeHome } from '../../support/test-services';

const KILLS = 100;
const PARALLEL = 4;
const outDir = join(__dirname, '../../../.tmp/kill-writers');
const child = join(outDir, 'kill-writer-child.mjs');

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  await build({ entryPoints: [join(__dirname, 'kill-writer-child.ts')], outfile: child, bundle: true, platform: 'node', format: 'esm', packages: 'external', logLevel: 'silent' });
});

/**
 * Starts a writer and kills it once it has reported `after` changes, a random 0–100 ms later (so
 * the kill lands inside the next change: in the keychain call, between keychain and metadata, in
 * a locked write); resolves with the lines it reported.
 */
function runAndKill(home: string, writer: string, after: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, [child, home, writer], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffer = '';
    let stderr = '';
    const hardStop = setTimeout(() => proc.kill('SIGKILL'), 60_000);
    proc.stderr.on('data', (d) => (stderr += d));
    proc.stdout.on('data', (chunk) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        if (line !== 'ready') lines.push(line);
        if (lines.length === after && (line === 'ready' || after > 0)) setTimeout(() => proc.kill('SIGKILL'), Math.random() * 100);
      }
    });
    proc.on('exit', (code, signal) => {
      clearTimeout(hardStop);
      if (signal !== 'SIGKILL') reject(new Error(`writer ${writer} ended by itself (${code}): ${stderr}`));
      else resolve(lines);
    });
  });
}

describe('writers killed at random points', () => {
  it(`keeps every reported change and leaves no orphan through ${KILLS} kills`, async () => {
    const home = makeHome('landscape-kill-writers-');
    const reported: string[] = [];
    let started = 0;
    const lane = async () => {
      while (started < KILLS) {
        const n = started++;
        // Kill points from "just started" to "a few changes in", varied per writer.
        reported.push(...(await runAndKill(home, `w${n}`, n % 5)));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, lane));

    const services = createTestServices(home);
    expect(services.landscapes.problems()).toEqual([]);
    const names = new Set(services.landscapes.list().map((l) => l.name));
    const orphans = await services.vault.orphans(); // first vault mutation path: finishes left intents
    expect(orphans).toEqual([]);
    const labels = new Set((await services.vault.list()).map((c) => c.label));
    let changes = 0;
    for (const line of reported) {
      const [op, a, b] = line.split(' ') as [string, string, string | undefined];
      if (op === '-') continue;
      changes++;
      if (op === 'L') expect(names.has(a) || names.has(`${a}-renamed`), `landscape ${a}`).toBe(true);
      if (op === 'R') expect([names.has(a), names.has(b!)], `rename ${a}`).toEqual([false, true]);
      if (op === 'C') {
        const removed = reported.includes(`D ${a}`);
        // A remove the kill interrupted may have finished (a left intent is completed by the next
        // writer) or not: either is right. What must hold is that it is whole either way.
        const inFlight = !removed && reported.includes(`- ${a}`);
        if (!inFlight) expect(labels.has(a), `credential ${a}`).toBe(!removed);
        if (labels.has(a)) expect((await services.vault.readSecret((await services.vault.findByLabel(a))!.id)).password).toBe(`pw-${a.replace(/-cred$/, '')}`);
      }
      if (op === 'D') expect(labels.has(a), `removed ${a}`).toBe(false);
    }
    // The kills must have hit writers mid-work, not only before their first change.
    expect(changes).toBeGreaterThan(KILLS / 2);
  }, 600_000);
});
