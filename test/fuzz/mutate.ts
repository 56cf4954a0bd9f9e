/**
 * Mutation of valid samples (the way coverage-less fuzzers such as radamsa work): each input is a
 * seed with 1–8 edits — bit flips, interesting bytes (0x00, 0x7f, 0x80, 0xff, DER length 0x84…),
 * inserted format tokens from a per-parser dictionary, deleted / duplicated / truncated ranges,
 * splices of two seeds, and size bombs (a slice repeated up to 1 MB). Mixed with inputs generated
 * from scratch, so both "almost right" and "nothing like it" reach the parser.
 */
import fc from 'fast-check';

const KINDS = ['flip', 'interesting', 'token', 'delete', 'duplicate', 'truncate', 'splice', 'bomb', 'random'] as const;
type Kind = (typeof KINDS)[number];

interface Edit {
  kind: Kind;
  at: number;
  to: number;
  n: number;
  pick: number;
}

const INTERESTING: number[][] = [[0x00], [0xff], [0x7f], [0x80], [0x84, 0x7f, 0xff, 0xff, 0xff], [0x83, 0xff, 0xff, 0xff], [0x30, 0x80], [0x0a], [0x0d, 0x0a], [0x22], [0x5c]];
export const MAX_BOMB = 1024 * 1024;

const editArb: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom(...KINDS),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  to: fc.double({ min: 0, max: 1, noNaN: true }),
  n: fc.nat({ max: 255 }),
  pick: fc.nat({ max: 1_000_000 }),
});

function pos(frac: number, len: number): number {
  return Math.min(len, Math.floor(frac * (len + 1)));
}

function apply(seed: Uint8Array, edits: Edit[], seeds: Uint8Array[], tokens: Uint8Array[]): Uint8Array {
  let b = Buffer.from(seed);
  for (const e of edits) {
    const i = pos(e.at, b.length);
    const j = Math.max(i, pos(e.to, b.length));
    switch (e.kind) {
      case 'flip':
        if (b.length) b[Math.min(i, b.length - 1)]! ^= 1 << (e.n % 8);
        break;
      case 'interesting':
        b = Buffer.concat([b.subarray(0, i), Buffer.from(INTERESTING[e.pick % INTERESTING.length]!), b.subarray(i + (e.n % 2))]);
        break;
      case 'token':
        if (tokens.length) b = Buffer.concat([b.subarray(0, i), tokens[e.pick % tokens.length]!, b.subarray(i)]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, i), b.subarray(Math.min(j, i + 1 + e.n))]);
        break;
      case 'duplicate':
        b = Buffer.concat([b.subarray(0, j), b.subarray(i, j), b.subarray(i)]);
        break;
      case 'truncate':
        b = b.subarray(0, i);
        break;
      case 'splice': {
        const other = seeds[e.pick % seeds.length]!;
        b = Buffer.concat([b.subarray(0, i), Buffer.from(other.subarray(pos(e.to, other.length)))]);
        break;
      }
      case 'bomb': {
        const slice = b.subarray(i, Math.min(b.length, i + 1 + (e.n % 64)));
        const times = Math.min(1 + (e.pick % 20_000), Math.floor(MAX_BOMB / Math.max(1, slice.length)));
        b = Buffer.concat([b.subarray(0, i), Buffer.alloc(slice.length * times, slice), b.subarray(i)]);
        break;
      }
      case 'random':
        if (b.length) for (let k = 0; k < 1 + (e.n % 16); k++) b[(e.pick * (k + 7)) % b.length] = (e.pick >> k) & 0xff;
        break;
    }
  }
  return new Uint8Array(b.subarray(0, MAX_BOMB + 64 * 1024));
}

export interface MutationOptions {
  seeds: Uint8Array[];
  /** Format tokens worth inserting (markers, keywords, delimiters). */
  tokens?: string[];
  /** Inputs built from scratch for this format (besides random bytes). */
  generated?: fc.Arbitrary<Uint8Array>;
}

/** Seeds mutated (7/10), generated from scratch (2/10), random bytes (1/10). */
export function mutatedBytes(o: MutationOptions): fc.Arbitrary<Uint8Array> {
  const tokens = (o.tokens ?? []).map((t) => new Uint8Array(Buffer.from(t, 'latin1')));
  const mutated = fc
    .tuple(fc.nat({ max: o.seeds.length - 1 }), fc.array(editArb, { minLength: 1, maxLength: 8 }))
    .map(([k, edits]) => apply(o.seeds[k]!, edits, o.seeds, tokens));
  return fc.oneof(
    { weight: 7, arbitrary: mutated },
    { weight: 2, arbitrary: o.generated ?? fc.uint8Array({ maxLength: 512 }) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 4096 }) },
  );
}

/** The same over text: seeds and results as strings (bytes read as latin1, so every byte survives). */
export function mutatedText(o: { seeds: string[]; tokens?: string[]; generated?: fc.Arbitrary<string> }): fc.Arbitrary<string> {
  const generated = o.generated?.map((s) => new Uint8Array(Buffer.from(s, 'utf8')));
  return mutatedBytes({ seeds: o.seeds.map((s) => new Uint8Array(Buffer.from(s, 'utf8'))), ...(o.tokens ? { tokens: o.tokens } : {}), ...(generated ? { generated } : {}) }).map((b) =>
    Buffer.from(b).toString('latin1'),
  );
}

export function preview(input: unknown): string {
  const b = typeof input === 'string' ? Buffer.from(input, 'latin1') : input instanceof Uint8Array ? Buffer.from(input) : Buffer.from(JSON.stringify(input) ?? '');
  const head = b.subarray(0, 48).toString('latin1').replace(/[^\x20-\x7e]/g, '.');
  return `${b.length} bytes "${head}${b.length > 48 ? '…' : ''}"`;
}
