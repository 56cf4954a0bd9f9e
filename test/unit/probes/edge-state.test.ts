import { describe, expect, it } from 'vitest';
import { edgeState, STALE_AFTER_MS } from '../../../shared/probe/edge-state';

const now = new Date('2026-11-25T12:00:00Z');
const at = (msAgo: number) => new Date(now.getTime() - msAgo).toISOString();

describe('edgeState', () => {
  it('is unprobed without history', () => expect(edgeState([], undefined, now)).toBe('unprobed'));
  it('follows the last conclusive verdict', () => {
    expect(edgeState([{ verdict: 'failed', finishedAt: at(5000) }, { verdict: 'passed', finishedAt: at(1000) }], undefined, now)).toBe('passed');
    expect(edgeState([{ verdict: 'passed', finishedAt: at(5000) }, { verdict: 'warning', finishedAt: at(1000) }], undefined, now)).toBe('warning');
    expect(edgeState([{ verdict: 'timed-out', finishedAt: at(1000) }], undefined, now)).toBe('failed');
  });
  it('ignores a cancelled probe', () => {
    expect(edgeState([{ verdict: 'failed', finishedAt: at(5000) }, { verdict: 'cancelled', finishedAt: at(1000) }], undefined, now)).toBe('failed');
  });
  it('is stale after a day', () => {
    expect(edgeState([{ verdict: 'passed', finishedAt: at(STALE_AFTER_MS + 1) }], undefined, now)).toBe('stale');
    expect(edgeState([{ verdict: 'passed', finishedAt: at(STALE_AFTER_MS - 1000) }], undefined, now)).toBe('passed');
  });
  it('is stale when the pathway changed after the probe', () => {
    expect(edgeState([{ verdict: 'passed', finishedAt: at(5000) }], at(1000), now)).toBe('stale');
    expect(edgeState([{ verdict: 'passed', finishedAt: at(1000) }], at(5000), now)).toBe('passed');
  });
});
