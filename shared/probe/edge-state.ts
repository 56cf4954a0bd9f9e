/**
 * The state a diagram edge shows for a pathway, from its probe history: the last real result
 * (a cancelled probe says nothing about the pathway), stale after a day or when the pathway was
 * changed after the probe ran. Pure, so the renderer and the CLI agree.
 */
import type { Verdict } from './probe-types';

export type EdgeState = 'passed' | 'warning' | 'failed' | 'stale' | 'unprobed';

export interface HistoryEntryLike {
  verdict: Verdict;
  finishedAt: string;
}

export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

export function lastConclusive<T extends HistoryEntryLike>(entries: readonly T[]): T | undefined {
  let last: T | undefined;
  for (const e of entries) {
    if (e.verdict === 'cancelled') continue;
    if (!last || e.finishedAt >= last.finishedAt) last = e;
  }
  return last;
}

export function edgeState(entries: readonly HistoryEntryLike[], pathwayUpdatedAt: string | undefined, now: Date): EdgeState {
  const last = lastConclusive(entries);
  if (!last) return 'unprobed';
  const finished = Date.parse(last.finishedAt);
  if (now.getTime() - finished > STALE_AFTER_MS) return 'stale';
  if (pathwayUpdatedAt && Date.parse(pathwayUpdatedAt) > finished) return 'stale';
  // Not probed (Cloud Connector): the edge keeps the state of the model's findings.
  if (last.verdict === 'not-probed') return 'unprobed';
  if (last.verdict === 'passed') return 'passed';
  if (last.verdict === 'warning') return 'warning';
  return 'failed';
}
