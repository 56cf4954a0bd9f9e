/**
 * How long a process's main thread has waited for a core (Linux /proc/<pid>/schedstat, field 2):
 * on this shared two-core machine a fuzz child at nice 10 can wait seconds between two inputs
 * without doing anything wrong. Wall-clock bounds (the watchdog's hang, the 10× wall bound of a
 * slow input) subtract this wait, so starvation is not reported as a hang; waiting on a socket or a
 * timer still counts. Undefined where the kernel does not say (then the plain wall clock is used).
 */
import { readFileSync } from 'node:fs';

export function runQueueWaitMs(pid: number | 'self' = 'self'): number | undefined {
  try {
    const waitedNs = Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1]);
    return Number.isFinite(waitedNs) ? waitedNs / 1e6 : undefined;
  } catch {
    return undefined;
  }
}

/** A wall clock that stops while the process waits for a core. */
export function ownClock(pid: number | 'self' = 'self'): () => number {
  const startWall = performance.now();
  const startWait = runQueueWaitMs(pid) ?? 0;
  return () => performance.now() - startWall - ((runQueueWaitMs(pid) ?? 0) - startWait);
}

/**
 * CPU time (user + system, all threads) a process has burnt, from /proc/<pid>/stat (fields 14–15,
 * in clock ticks; 100 a second on Linux). A parser that loops burns CPU; one that waits does not.
 */
export function cpuTimeMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces and parentheses: count from after its last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}
