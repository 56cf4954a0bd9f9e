/**
 * What a fuzz target is: one parser or importer as the app calls it. A target's `setup` builds what
 * the entry point needs (real services on a fresh data directory, seeds made at run time) and hands
 * back the input arbitrary and `run`, which calls the real entry point once.
 *
 * An outcome is a result (run resolves) or a typed error: an AppError or an Error carrying a string
 * `code` that the app's diagnosis knows how to explain. Anything else thrown is a crash.
 */
import type fc from 'fast-check';

export interface FuzzSession<I> {
  arbitrary: fc.Arbitrary<I>;
  run(input: I): Promise<unknown>;
  /** After a refused input: a description of what changed in the store, or undefined when nothing did. */
  storeChange?(): Promise<string | undefined>;
  /** After an accepted input: put the store back, so 10,000 inputs never pile up. */
  afterAccepted?(result: unknown): Promise<void>;
  close(): Promise<void>;
}

export interface FuzzTarget<I = unknown> {
  name: string;
  /**
   * Only where legitimate input is bounded but costs more than INPUT_BUDGET_MS by design, with the
   * reason (printed under the table).
   */
  budget?: { ms: number; why: string };
  /** Why no input, not even an unmutated seed, can be accepted (else the seeded test expects some). */
  acceptsNone?: string;
  setup(): Promise<FuzzSession<I>>;
}

export interface FuzzFailure {
  kind: 'crash' | 'slow' | 'store-changed';
  input: string;
  detail: string;
}

export interface FuzzStats {
  name: string;
  inputs: number;
  accepted: number;
  errors: Record<string, number>;
  slowestMs: number;
  slowestInput: string;
  failures: FuzzFailure[];
}

/** An input must end (result or typed error) within this. */
export const INPUT_BUDGET_MS = 1000;
