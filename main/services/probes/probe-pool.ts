/**
 * Bounded concurrency for "probe all": at most `limit` probes in flight, the next one starts as soon
 * as any finishes, so one slow peer occupies one slot and holds nobody else back.
 */
// A probe spends nearly all its time waiting on a peer and holds one socket, so the bound can be
// wide: with 16, a slow peer in the middle of a 200-pathway landscape started only after ~80 probes
// had finished, and probing all took 30 % longer than that peer alone. 64 still caps sockets and
// handshakes in flight.
export const DEFAULT_CONCURRENCY = 64;

export async function runPool<T, R>(items: readonly T[], limit: number, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await worker(items[i] as T, i);
    }
  };
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane);
  await Promise.all(lanes);
  return results;
}
