/**
 * `npm run fuzz [-- --count N --seed S --only text[,text…]]`: every target of fuzz-targets.ts, one after the
 * other (two shared cores), each in a child process under a watchdog. Prints the table and exits 1
 * on any crash, hang, slow input (> 1 s) or store change after a refused import.
 */
import { fork } from 'node:child_process';
import { fuzzTargets } from './fuzz-targets';
import type { FuzzFailure, FuzzStats } from './fuzz-types';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { FAILURE_DIR, currentInputFile, formatTable } from './fuzz-runner';
import { cpuTimeMs, ownClock } from './run-queue';

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const count = Number(flag('count', '10000'));
const seed = Number(flag('seed', String(Date.now() % 2 ** 31)));
const only = flag('only', '').toLowerCase();
/**
 * A hang is an input that burns HANG_CPU_MS of CPU without an answer (a loop), or that sits
 * STALL_MS of the child's own clock (run-queue.ts: wall time less the time spent waiting for a core)
 * without one (a wait that never ends). CPU time is the primary measure: on this shared two-core
 * machine, at nice 19 beside a full test suite, a healthy child's own clock still ran past 10 s on one
 * input (its main thread blocked on fsync and on GC helper threads that were waiting for a core), and
 * the old 10 s own-clock bound killed it as a hang. The budget per input is 1 s either way.
 */
const HANG_CPU_MS = 10_000;
const STALL_MS = 120_000;
/** The setup (seeds made by openssl and ssh-keygen, services, keyring) is slower, above all under load. */
const SETUP = { cpuMs: 60_000, stallMs: 600_000 };

function runChild(index: number): Promise<FuzzStats> {
  const name = fuzzTargets[index]!.name;
  return new Promise((resolve) => {
    const child = fork(new URL('./fuzz-child.ts', import.meta.url).pathname, [String(index), String(count), String(seed)], { execArgv: ['--import', 'tsx'] });
    let last = { i: -1, input: '(setup)' };
    const pid = child.pid!;
    let since = ownClock(pid);
    let cpuAtReport = cpuTimeMs(pid) ?? 0;
    let limit = { cpuMs: SETUP.cpuMs, stallMs: SETUP.stallMs };
    let settled = false;
    const fail = (f: FuzzFailure) => {
      if (settled) return;
      settled = true;
      clearInterval(watch);
      child.kill('SIGKILL');
      resolve({ name, inputs: last.i + 1, accepted: 0, errors: {}, slowestMs: 0, slowestInput: '', failures: [{ ...f, input: `${f.input}${keepCurrent(name)}` }] });
    };
    const watch = setInterval(() => {
      const cpu = (cpuTimeMs(pid) ?? 0) - cpuAtReport;
      if (cpu > limit.cpuMs) fail({ kind: 'crash', input: last.input, detail: `hang: ${(cpu / 1000).toFixed(0)} s of CPU without an answer (killed)` });
      else if (since() > limit.stallMs) fail({ kind: 'crash', input: last.input, detail: `hang: no answer for ${(limit.stallMs / 1000).toFixed(0)} s of its own time, ${(cpu / 1000).toFixed(1)} s of it on CPU (killed)` });
    }, 500);
    child.on('message', (m: { type: string; i?: number; input?: string; stats?: FuzzStats; detail?: string }) => {
      since = ownClock(pid);
      cpuAtReport = cpuTimeMs(pid) ?? 0;
      if (m.type === 'input') {
        last = { i: m.i!, input: m.input! };
        limit = { cpuMs: HANG_CPU_MS, stallMs: STALL_MS };
      } else if (m.type === 'uncaught') fail({ kind: 'crash', input: last.input, detail: `uncaught: ${m.detail}` });
      else if (m.type === 'done' && !settled) {
        settled = true;
        clearInterval(watch);
        resolve(m.stats!);
      }
    });
    child.on('exit', (code) => fail({ kind: 'crash', input: last.input, detail: `process exited (${code}) before finishing` }));
  });
}

/** The input a killed child was running (it writes each one before running it), kept for replay. */
function keepCurrent(name: string): string {
  const current = currentInputFile(name);
  if (!existsSync(current)) return '';
  mkdirSync(FAILURE_DIR, { recursive: true });
  const kept = join(FAILURE_DIR, `${name.replace(/[^\w]+/g, '-')}-hang`);
  copyFileSync(current, kept);
  rmSync(current, { force: true });
  return ` (kept in ${kept})`;
}

console.log(`fuzz: ${count} inputs per parser, seed ${seed} (repeat with --seed ${seed})`);
const rows: FuzzStats[] = [];
for (let i = 0; i < fuzzTargets.length; i++) {
  const name = fuzzTargets[i]!.name.toLowerCase();
  if (only && !only.split(',').some((o) => name.includes(o.trim()))) continue;
  const started = Date.now();
  const stats = await runChild(i);
  rows.push(stats);
  console.log(`  ${stats.name}: ${stats.inputs} inputs, ${stats.accepted} accepted, ${stats.failures.length} failures, slowest ${stats.slowestMs.toFixed(0)} ms CPU (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const f of stats.failures.slice(0, 3)) console.log(`    ${f.kind}: ${f.detail} — ${f.input}`);
}
console.log(`\n${formatTable(rows)}\n`);
for (const t of fuzzTargets) if (t.budget && rows.some((r) => r.name === t.name)) console.log(`budget ${t.name}: ${t.budget.ms} ms, not 1 s — ${t.budget.why}`);
const failures = rows.flatMap((r) => r.failures.map((f) => ({ parser: r.name, ...f })));
for (const f of failures.slice(0, 30)) console.log(`FAIL ${f.parser}: ${f.kind} — ${f.detail}\n     input: ${f.input}`);
const short = rows.filter((r) => r.inputs < count);
console.log(`fuzz: ${rows.length} parsers, ${rows.reduce((n, r) => n + r.inputs, 0)} inputs, ${failures.length} crashes/hangs/slow/store changes${short.length ? `, ${short.length} short of ${count}` : ''}`);
process.exit(failures.length || short.length ? 1 : 0);
