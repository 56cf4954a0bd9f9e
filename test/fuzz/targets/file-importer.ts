/**
 * A target for an importer that reads a file the user chose: each input is written to that file and
 * the channel is called through the real dispatcher, exactly as the renderer's import would be.
 */
import { writeFileSync } from 'node:fs';
import type fc from 'fast-check';
import type { FuzzTarget } from '../fuzz-types';
import { createWatchedServices, type WatchedServices } from '../store-watch';

export interface FileImporter {
  name: string;
  acceptsNone?: string;
  channel: string;
  arbitrary: () => fc.Arbitrary<Uint8Array | string>;
  request: (file: string, w: WatchedServices) => unknown;
  /** Run once after the services exist (a test CA, a landscape …). */
  prepare?: (w: WatchedServices) => Promise<void>;
  /** Removes what an accepted input stored beyond credentials and landscapes (w.reset does those). */
  afterAccepted?: (w: WatchedServices, result: unknown) => Promise<void>;
}

export function fileImporter(o: FileImporter): FuzzTarget<Uint8Array | string> {
  return {
    name: o.name,
    ...(o.acceptsNone ? { acceptsNone: o.acceptsNone } : {}),
    async setup() {
      const w = await createWatchedServices();
      await o.prepare?.(w);
      await w.baseline();
      return {
        arbitrary: o.arbitrary(),
        run: (input) => {
          writeFileSync(w.file, typeof input === 'string' ? Buffer.from(input, 'latin1') : input);
          return w.call(o.channel, o.request(w.file, w));
        },
        storeChange: () => w.storeChange(),
        afterAccepted: async (result) => {
          await o.afterAccepted?.(w, result);
          await w.reset();
        },
        close: () => w.close(),
      };
    },
  };
}

/** The same for a channel that takes the input as a request field (known_hosts line, CSR text). */
export function channelImporter(o: Omit<FileImporter, 'request' | 'arbitrary'> & { arbitrary: () => fc.Arbitrary<string>; request: (input: string, w: WatchedServices) => unknown; afterAccepted?: (w: WatchedServices) => Promise<void> }): FuzzTarget<string> {
  return {
    name: o.name,
    async setup() {
      const w = await createWatchedServices();
      await o.prepare?.(w);
      await w.baseline();
      return {
        arbitrary: o.arbitrary(),
        run: (input) => w.call(o.channel, o.request(input, w)),
        storeChange: () => w.storeChange(),
        afterAccepted: async () => {
          await o.afterAccepted?.(w);
          await w.reset();
        },
        close: () => w.close(),
      };
    },
  };
}
