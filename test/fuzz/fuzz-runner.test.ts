/** The fuzz runner can fail: a crash, a slow input and a store change are each reported, with the input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/result';
import { formatTable, runTarget } from './fuzz-runner';
import type { FuzzTarget } from './fuzz-types';

describe('fuzz runner', () => {
  it('counts typed errors by kind and reports untyped throws, slow inputs and store changes as failures', async () => {
    let store = 0;
    const target: FuzzTarget<number> = {
      name: 'demo',
      setup: async () => ({
        arbitrary: fc.integer({ min: 0, max: 99 }),
        run: async (n) => {
          if (n % 10 === 0) throw new TypeError('boom');
          if (n % 10 === 1) throw new AppError('BAD_INPUT', 'refused');
          if (n === 42) {
            // Burns CPU (the runner measures CPU time, not waiting).
            const start = process.cpuUsage();
            const used = () => {
              const d = process.cpuUsage(start);
              return (d.user + d.system) / 1000;
            };
            while (used() < 1200);
          }
          if (n === 43) {
            store++;
            throw Object.assign(new Error('reset'), { code: 'ECONNRESET' });
          }
          return n;
        },
        storeChange: async () => (store ? `store ${store}` : undefined),
        close: async () => {},
      }),
    };
    const stats = await runTarget(target as FuzzTarget, { count: 400, seed: 7 });
    expect(stats.inputs).toBe(400);
    expect(stats.errors.BAD_INPUT).toBeGreaterThan(0);
    const kinds = new Set(stats.failures.map((f) => f.kind));
    expect([...kinds].sort()).toEqual(['crash', 'slow', 'store-changed']);
    expect(stats.failures.find((f) => f.kind === 'crash')?.detail).toContain('TypeError');
    expect(stats.accepted + Object.values(stats.errors).reduce((a, b) => a + b, 0) + stats.failures.filter((f) => f.kind === 'crash').length).toBe(400);
    expect(formatTable([stats])).toMatch(/demo\s+\| 400/);
  }, 60_000);
});
