/**
 * What a runner throws when it has diagnosed the failure itself: the engine records the finding
 * (once) and fails the probe. Any other thrown error is explained by its raw code (diagnosis.ts).
 */
import type { Finding } from '../../../shared/probe/probe-types';

export class ProbeFailure extends Error {
  constructor(readonly finding: Finding) {
    super(finding.message);
    this.name = 'ProbeFailure';
  }
}

/** The raw code of a Node / OpenSSL error, if it has one. */
export function rawCodeOf(error: unknown): string | undefined {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    return (error as { code: string }).code;
  }
  return undefined;
}
