/**
 * The seeded fuzz run inside `npm test`: 300 inputs per parser from a fixed seed (the same inputs
 * every run), zero crashes or store changes (slow inputs printed; `npm run fuzz` enforces the 1 s
 * budget and runs 10,000 per parser).
 */
import { expect, it } from 'vitest';
import { runTarget } from './fuzz-runner';
import type { FuzzTarget } from './fuzz-types';

export const SEEDED_COUNT = 300;
export const SEED = 20261201;

export function seededFuzz(targets: FuzzTarget<never>[]): void {
  for (const target of targets) {
    it(`${target.name}: ${SEEDED_COUNT} inputs, each a result or a typed error in time, the store untouched by refusals`, async () => {
      const stats = await runTarget(target as FuzzTarget, { count: SEEDED_COUNT, seed: SEED });
      console.log(`fuzz ${stats.name}: ${stats.inputs} inputs, ${stats.accepted} accepted, errors ${JSON.stringify(stats.errors)}, slowest ${stats.slowestMs.toFixed(0)} ms`);
      // The suite asserts no timings (the guide's rule; CPU time per input depends on the machine's
      // load — a 288 KB PKCS#7 took 1.02 s CPU in a loaded CI run): slow inputs are printed here and
      // the 1 s budget is enforced by `npm run fuzz`. Crashes and store changes still fail.
      const slow = stats.failures.filter((f) => f.kind === 'slow');
      if (slow.length) console.log(`fuzz ${stats.name}: ${slow.length} input(s) over the budget: ${slow.map((f) => f.detail).join('; ')}`);
      expect(stats.failures.filter((f) => f.kind !== 'slow')).toEqual([]);
      expect(stats.inputs).toBe(SEEDED_COUNT);
      // Both sides were reached: some inputs refused with a typed error, and some accepted (the
      // unmutated seeds at least) unless the target says why it cannot accept any.
      expect(Object.values(stats.errors).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
      if (!target.acceptsNone) expect(stats.accepted).toBeGreaterThan(0);
    }, 600_000);
  }
}
