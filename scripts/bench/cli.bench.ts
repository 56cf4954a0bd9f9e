/**
 * CLI start-up, each command beside bare `node -e 0` measured in the same run, interleaved round by
 * round so machine load hits both alike (medians of wall time, the built CLI as a user runs it):
 * `landscape --help` (goal ≤ 1.5×), `info --json` (≤ 2.5×), `landscapes list --json` (≤ 2.5×, one
 * landscape of the reference template in the data directory). Benchmarks print; tests never time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export interface CliBenchRow {
  name: string;
  ours_ms: number;
  reference_ms: number;
  ratio: number;
  goal: string;
}

const ROUNDS = 15;

function wallMs(args: string[], env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.toString().slice(0, 200)}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchCli(): Promise<CliBenchRow[]> {
  const home = mkdtempSync(join(tmpdir(), 'bench-cli-'));
  const env = { ...process.env, LANDSCAPE_HOME: home };
  try {
    wallMs(['bin/landscape.mjs', 'landscapes', 'new', '--template', 's4-sscv2', '--name', 'Bench'], env);
    const cases = [
      { name: 'landscape --help ÷ node -e 0', args: ['bin/landscape.mjs', '--help'], goal: '≤ 1.5' },
      { name: 'landscape info --json ÷ node -e 0', args: ['bin/landscape.mjs', 'info', '--json'], goal: '≤ 2.5' },
      { name: 'landscape landscapes list --json ÷ node -e 0', args: ['bin/landscape.mjs', 'landscapes', 'list', '--json'], goal: '≤ 2.5' },
    ];
    const bare: number[] = [];
    const ours = cases.map(() => [] as number[]);
    for (let round = 0; round < ROUNDS; round++) {
      bare.push(wallMs(['-e', '0'], env));
      cases.forEach((c, i) => ours[i]!.push(wallMs(c.args, env)));
    }
    const reference = median(bare);
    return cases.map((c, i) => {
      const ms = median(ours[i]!);
      return { name: c.name, ours_ms: ms, reference_ms: reference, ratio: ms / reference, goal: c.goal };
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
