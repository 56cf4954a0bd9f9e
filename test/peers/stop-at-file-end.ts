/**
 * A peer that is a separate process (nginx, sshd, dovecot…) must not outlive its test file. The
 * file's own afterAll stops it only if beforeAll returned it; when the set-up after starting it
 * throws, the file never receives it. So every such peer's stop is registered here as well and
 * run once at the end of the file, whatever happened; a stop already called is not run again.
 * Outside vitest (the bench imports the peers) the stop is only made run-once.
 */
import { afterAll } from 'vitest';

const running = new Set<() => Promise<void>>();

if (process.env.VITEST) afterAll(() => Promise.all([...running].map((stop) => stop())).then(() => undefined));

export function stopAtFileEnd(stop: () => Promise<void>): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  const once = (): Promise<void> => {
    running.delete(once);
    return (stopping ??= stop());
  };
  running.add(once);
  return once;
}
