/**
 * The benchmark runner: each suite returns rows; this prints them as one table, ours beside the
 * reference measured in the same run, with the ratio and the goal. Benchmarks print; tests never time.
 */
export interface BenchRow {
  suite: string;
  name: string;
  value: string;
  reference?: string;
  ratio?: number;
  goal?: string;
}

type Suite = { name: string; module: string; fn: string };

const suites: Suite[] = [
  { name: 'cli', module: './cli.bench', fn: 'benchCli' },
  { name: 'material', module: './material.bench', fn: 'benchMaterial' },
  { name: 'renderer', module: './renderer.bench', fn: 'benchRenderer' },
  { name: 'probes', module: './probes.bench', fn: 'benchProbes' },
  // Only the TLS probe ÷ bare handshake rows (part of `probes`; selected alone with `-- tls`).
  { name: 'tls', module: './probes.bench', fn: 'benchTlsHandshake' },
];

function toRow(suite: string, raw: Record<string, unknown>): BenchRow {
  const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
  const ours = num(raw.ours_ms) ?? num(raw.value);
  const ref = num(raw.reference_ms) ?? num(raw.reference);
  const unit = typeof raw.unit === 'string' ? raw.unit : raw.ours_ms !== undefined ? 'ms' : '';
  const ratio = num(raw.ratio) ?? (ours !== undefined && ref ? ours / ref : undefined);
  const goal = typeof raw.goal === 'string' ? raw.goal : typeof raw.budget === 'string' ? raw.budget : num(raw.budget) !== undefined ? `≤ ${raw.budget} ${unit}` : undefined;
  return {
    suite,
    name: String(raw.name),
    value: ours !== undefined ? `${ours.toFixed(2)} ${unit}`.trim() : '',
    reference: ref !== undefined ? `${ref.toFixed(2)} ${unit}`.trim() : undefined,
    ratio,
    goal,
  };
}

// `npm run bench -- cli` runs only the named suites.
const only = process.argv.slice(2);
const rows: BenchRow[] = [];
let failures = 0;
for (const suite of suites.filter((s) => (only.length === 0 && s.name !== 'tls') || only.includes(s.name))) {
  try {
    const mod = (await import(suite.module)) as Record<string, () => Promise<Array<Record<string, unknown>>>>;
    const fn = mod[suite.fn];
    if (!fn) throw new Error(`${suite.module} has no ${suite.fn}()`);
    for (const raw of await fn()) rows.push(toRow(suite.name, raw));
  } catch (e) {
    failures++;
    console.error(`bench ${suite.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const header = ['suite', 'measure', 'ours', 'reference', 'ratio', 'goal'];
const table = rows.map((r) => [r.suite, r.name, r.value, r.reference ?? '', r.ratio !== undefined ? r.ratio.toFixed(2) : '', r.goal ?? '']);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const t of table) console.log(line(t));
process.exitCode = failures ? 1 : 0;
