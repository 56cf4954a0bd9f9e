/**
 * Bundles from another laptop, through `bundles:open` and then `bundles:apply` (the two steps of
 * "Receive…"): the age file itself mutated (header, stanzas, payload), and the decrypted contents
 * mutated and encrypted to this installation's recipient — what a hostile or broken sender can
 * make that passes decryption. Seeds are exported by the app at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type fc from 'fast-check';
import { decryptBundle, encryptBundle } from '../../../main/services/bundle/age-crypto';
import type { FuzzSession, FuzzTarget } from '../fuzz-types';
import { mutatedBytes, mutatedText } from '../mutate';
import { createWatchedServices, type WatchedServices } from '../store-watch';

const SEED_PASSPHRASE = 'fuzz bundle passphrase';
const JSON_TOKENS = ['{', '}', '[', ']', '"', ',', ':', 'null', '1e999', '-1', '"__proto__":{}', '"landscapes":', '"credentials":', '"secret":{"password":"x"}', '"kind":"basic"', '"format":', '\\u0000'];
const AGE_TOKENS = ['age-encryption.org/v1\n', '-> X25519 ', '-> scrypt AAAAAAAAAAAAAAAAAAAAAA 40\n', '--- ', '\n', '-----BEGIN AGE ENCRYPTED FILE-----\n', '-----END AGE ENCRYPTED FILE-----\n'];

interface Prepared {
  w: WatchedServices;
  recipient: string;
  file: Uint8Array;
  plaintext: string;
}

/** A landscape exported twice (to our recipient, and under a passphrase to read its plaintext), then removed. */
async function prepare(): Promise<Prepared> {
  const w = await createWatchedServices();
  const { recipient } = (await w.call('bundles:identity', undefined)) as { recipient: string };
  const made = (await w.call('landscapes:create', { templateId: 's4-sscv2', name: 'Bundle seed' })) as { landscape: { id: string } };
  await w.call('bundles:export', { landscapeIds: [made.landscape.id], path: w.file, key: { passphrase: SEED_PASSPHRASE } });
  const { text: plaintext } = await decryptBundle(readFileSync(w.file), { passphrase: SEED_PASSPHRASE });
  await w.call('bundles:export', { landscapeIds: [made.landscape.id], path: w.file, key: { recipient } });
  const file = new Uint8Array(readFileSync(w.file));
  w.services.landscapes.remove(made.landscape.id);
  await w.baseline();
  return { w, recipient, file, plaintext };
}

/** Open, then apply with no choices: a bundle needing choices is refused, and must change nothing. */
async function receive(w: WatchedServices, bytes: Uint8Array): Promise<unknown> {
  writeFileSync(w.file, bytes);
  const preview = (await w.call('bundles:open', { path: w.file })) as { token: string };
  return w.call('bundles:apply', { token: preview.token });
}

function bundleTarget<I>(name: string, make: (p: Prepared) => { arbitrary: fc.Arbitrary<I>; bytes: (input: I) => Promise<Uint8Array> }): FuzzTarget<I> {
  return {
    name,
    async setup(): Promise<FuzzSession<I>> {
      const p = await prepare();
      const m = make(p);
      return {
        arbitrary: m.arbitrary,
        run: async (input) => receive(p.w, await m.bytes(input)),
        storeChange: () => p.w.storeChange(),
        afterAccepted: () => p.w.reset(),
        close: () => p.w.close(),
      };
    },
  };
}

export const bundleFileTarget = bundleTarget('bundle file (age)', (p) => ({
  arbitrary: mutatedBytes({ seeds: [p.file], tokens: AGE_TOKENS }),
  bytes: async (input: Uint8Array) => input,
}));

export const bundleContentsTarget = bundleTarget('bundle contents (decrypted)', (p) => ({
  arbitrary: mutatedText({ seeds: [p.plaintext], tokens: JSON_TOKENS }),
  bytes: (text: string) => encryptBundle(Buffer.from(text, 'latin1').toString('utf8'), { recipient: p.recipient }),
}));
