/**
 * Runs one target over N inputs drawn by fast-check from a fixed seed (so a run is reproducible),
 * classifying each outcome and timing it. Hangs are caught one level up (fuzz-main's watchdog
 * kills a target that stops reporting progress); here an input is "slow" above INPUT_BUDGET_MS.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { isAppError } from '../../shared/result';
import { preview } from './mutate';
import { ownClock } from './run-queue';
import { INPUT_BUDGET_MS, type FuzzFailure, type FuzzStats, type FuzzTarget } from './fuzz-types';

/** Failing inputs are kept for replay: <tmp>/landscape-fuzz-failures/<parser>-<n>.bin (or .json). */
export const FAILURE_DIR = join(tmpdir(), 'landscape-fuzz-failures');

function keep(name: string, n: number, input: unknown): string {
  mkdirSync(FAILURE_DIR, { recursive: true });
  const file = join(FAILURE_DIR, `${name.replace(/[^\w]+/g, '-')}-${n}`);
  writeInput(file, input);
  return file;
}

/** Where the child keeps the input it is running (fuzz-main copies it when it kills a hang). */
export function currentInputFile(name: string): string {
  return join(FAILURE_DIR, `${name.replace(/[^\w]+/g, '-')}-current`);
}

function writeInput(file: string, input: unknown): void {
  if (typeof input === 'string') writeFileSync(file, Buffer.from(input, 'latin1'));
  else if (input instanceof Uint8Array) writeFileSync(file, input);
  else writeFileSync(file, JSON.stringify(input));
}

export function errorKind(e: unknown): string | undefined {
  if (isAppError(e)) return e.code;
  // A probe's ProbeFailure carries the finding that names the cause.
  const finding = (e as { finding?: { code?: unknown } } | null)?.finding;
  if (e instanceof Error && typeof finding?.code === 'string') return finding.code;
  const code = (e as { code?: unknown } | null)?.code;
  if (e instanceof Error && typeof code === 'string' && code.length > 0) return code;
  // ssh2 attempts fail with a typed SshFailure (its kind), the probe's own error class.
  const kind = (e as { kind?: unknown } | null)?.kind;
  if (e instanceof Error && e.constructor.name === 'SshFailure' && typeof kind === 'string') return `ssh:${kind}`;
  return undefined;
}

export interface RunOptions {
  count: number;
  seed: number;
  /** Called before each input (the watchdog's heartbeat). */
  onInput?: (index: number, input: string) => void;
  /** Write each input here before running it, so a watchdog that kills the process can keep it. */
  keepCurrentIn?: string;
}

export async function runTarget(target: FuzzTarget, o: RunOptions): Promise<FuzzStats> {
  const session = await target.setup();
  const budgetMs = target.budget?.ms ?? INPUT_BUDGET_MS;
  const stats: FuzzStats = { name: target.name, inputs: 0, accepted: 0, errors: {}, slowestMs: 0, slowestInput: '', failures: [] };
  try {
    let index = 0;
    await fc.assert(
      fc.asyncProperty(session.arbitrary, async (input) => {
        const shown = preview(input);
        const fail = (f: FuzzFailure) => {
          if (stats.failures.length < 20) f.input = `${f.input} (kept in ${keep(target.name, stats.failures.length, input)})`;
          stats.failures.push(f);
        };
        if (o.keepCurrentIn) writeInput(o.keepCurrentIn, input);
        o.onInput?.(index++, shown);
        const elapsed = ownClock();
        const cpuBefore = process.cpuUsage();
        let accepted = false;
        let result: unknown;
        try {
          result = await session.run(input);
          accepted = true;
        } catch (e) {
          const kind = errorKind(e);
          if (kind) stats.errors[kind] = (stats.errors[kind] ?? 0) + 1;
          else fail({ kind: 'crash', input: shown, detail: e instanceof Error ? `${e.name}: ${e.message.slice(0, 200)}` : String(e) });
        }
        // CPU time of this process, not wall time: the suite shares two cores with other work, and a
        // parser's cost is what it burns. Waiting (a wire target's socket) is bounded separately: wall
        // time past 10× the budget counts as slow too (less the time spent waiting for a core, see
        // run-queue.ts), and the parent's watchdog kills a real hang.
        const cpu = process.cpuUsage(cpuBefore);
        const ms = (cpu.user + cpu.system) / 1000;
        const wall = elapsed();
        stats.inputs++;
        if (ms > stats.slowestMs) Object.assign(stats, { slowestMs: ms, slowestInput: shown });
        if (ms > budgetMs || wall > 10 * budgetMs) fail({ kind: 'slow', input: shown, detail: `${ms.toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall (budget ${budgetMs} ms)` });
        if (accepted) {
          stats.accepted++;
          await session.afterAccepted?.(result);
        } else {
          const change = await session.storeChange?.();
          if (change) fail({ kind: 'store-changed', input: shown, detail: change });
        }
        return true;
      }),
      { numRuns: o.count, seed: o.seed, endOnFailure: true },
    );
  } finally {
    await session.close();
  }
  return stats;
}

export function formatTable(rows: FuzzStats[]): string {
  const head = ['parser', 'inputs', 'accepted', 'errors by kind', 'slowest (CPU)', 'slowest input', 'failures'];
  const body = rows.map((r) => [
    r.name,
    String(r.inputs),
    String(r.accepted),
    Object.entries(r.errors)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || '-',
    `${r.slowestMs.toFixed(0)} ms`,
    r.slowestInput.slice(0, 60),
    String(r.failures.length),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => Math.min(row[i]!.length, i === 3 ? 90 : 200))));
  const line = (cells: string[]) => cells.map((c, i) => (i === 3 && c.length > 90 ? `${c.slice(0, 89)}…` : c).padEnd(widths[i]!)).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
}
