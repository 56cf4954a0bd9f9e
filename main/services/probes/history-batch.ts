/**
 * Coalesces the history writes of a "probe all": every write rewrites the whole probe-history.json
 * (clone, validation, atomic write), so 200 results written one by one blocked the main process for
 * seconds (2.3 s on an empty history, ~30 s once it held 10 results per pathway). Results that
 * arrive within FLUSH_MS are written in one update; each waiter resolves once its result is on disk,
 * so a probe's `done` still means "recorded"; reads flush first, so a renderer that asks for edge
 * states on a result event sees that result.
 */
import type { ProbeResult } from '../../../shared/probe/probe-types';
import type { ProbeHistory } from './probe-history';

export const FLUSH_MS = 50;

interface Pending {
  landscapeId: string;
  pathwayNumber: number;
  result: ProbeResult;
  settle: (error?: unknown) => void;
}

export interface HistoryBatch {
  record(landscapeId: string, pathwayNumber: number, result: ProbeResult): Promise<void>;
  /** Writes what is pending now (before a read of the history). */
  flush(): void;
}

export function createHistoryBatch(history: ProbeHistory): HistoryBatch {
  let pending: Pending[] = [];
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!pending.length) return;
    const batch = pending;
    pending = [];
    try {
      if (history.recordMany) history.recordMany(batch);
      else for (const p of batch) history.record(p.landscapeId, p.pathwayNumber, p.result);
      for (const p of batch) p.settle();
    } catch (e) {
      for (const p of batch) p.settle(e);
    }
  };

  return {
    record: (landscapeId, pathwayNumber, result) =>
      new Promise<void>((resolve, reject) => {
        pending.push({ landscapeId, pathwayNumber, result, settle: (e) => (e === undefined ? resolve() : reject(e)) });
        timer ??= setTimeout(flush, FLUSH_MS);
      }),
    flush,
  };
}
