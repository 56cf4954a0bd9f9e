/**
 * The command index is what `--help` prints without loading any command: each line must agree with
 * its module, and each command's `uses` (plus what it loads itself) must cover every lazy service
 * its code reads, or the real CLI would fail where the in-process tests (all modules loaded) pass.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../../main/cli/commands/index';
import { LAZY_SERVICES, type ServiceName } from '../../../main/composition';

const dir = 'main/cli/commands';
const lazyNames = new Set<string>(LAZY_SERVICES.flatMap((e) => e.provides));
const indexSource = readFileSync(join(dir, 'index.ts'), 'utf8');

/** The command's file and every local file it imports, as source text. */
function sources(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  const local = [...text.matchAll(/from '(\.\/[^']+)'/g)].map((m) => join(dirname(file), `${m[1]}.ts`));
  return [text, ...local.flatMap((f) => sources(f, seen))];
}

function withNeeds(names: string[]): Set<string> {
  const out = new Set<string>();
  const visit = (n: string) => {
    const entry = LAZY_SERVICES.find((e) => (e.provides as string[]).includes(n));
    if (!entry || out.has(n)) return;
    entry.provides.forEach((p) => out.add(p));
    entry.needs.forEach(visit);
  };
  names.forEach(visit);
  return out;
}

describe('CLI command index', () => {
  it('has one entry per name', () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
  });

  for (const entry of commands) {
    it(`${entry.name}: the index agrees with its module and its uses cover what it reads`, async () => {
      const def = await entry.load();
      expect(def.name).toBe(entry.name);
      expect(def.summary).toBe(entry.summary);
      const file = new RegExp(`name: '${entry.name}'.*import\\('\\./([^']+)'\\)`).exec(indexSource)?.[1];
      expect(file, `index line of ${entry.name}`).toBeTruthy();
      const text = sources(join(dir, `${file}.ts`)).join('\n');
      const read = [...text.matchAll(/services\.([a-zA-Z]+)/g)].map((m) => m[1]!).filter((n) => lazyNames.has(n));
      const loadedHere = [...text.matchAll(/services\.load\(([^)]*)\)/g)].flatMap((m) => [...m[1]!.matchAll(/'([a-zA-Z]+)'/g)].map((x) => x[1]!));
      const available = def.uses === undefined ? lazyNames : withNeeds([...(def.uses as ServiceName[]), ...loadedHere]);
      for (const n of read) expect(available.has(n), `${entry.name} reads services.${n}`).toBe(true);
    });
  }
});
