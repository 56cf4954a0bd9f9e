/**
 * The contract between the probe engine and each probe (TLS, HTTPS, SFTP, SMTP). A probe is a
 * `ProbeRunner`: it does its protocol work through the context, which records steps with their
 * timing, collects findings, redacts the transcript and carries the cancellation signal. The engine
 * owns the deadline, the verdict and the result; a runner never decides either.
 */
import type { CertificateSummary, Finding, ProbeResult } from '../../../shared/probe/probe-types';

export interface ProbeContext {
  /** Aborted on cancel or when the deadline passes; every socket a runner opens must close on it. */
  readonly signal: AbortSignal;
  /** Epoch milliseconds by which the runner must have finished. */
  readonly deadlineAt: number;
  /**
   * Runs one step ('resolve', 'connect', 'tls', 'certificates', 'http', 'auth', …), recording its
   * status and duration and emitting progress. A thrown error marks the step failed and is rethrown.
   * `run` may return `{ status: 'warning' | 'skipped', detail }` through `mark`.
   */
  step<T>(id: string, label: string, run: (mark: StepMarker) => Promise<T>): Promise<T>;
  /** Adds a finding (with its fix and where to fix it). */
  finding(finding: Finding): void;
  /** Appends a transcript line; registered secrets are redacted before it is stored. */
  log(line: string): void;
  /** Registers a secret so that it never appears in the transcript, findings or facts. */
  secret(value: string): void;
  fact(key: string, value: string | number | boolean | string[]): void;
  setChain(chain: CertificateSummary[]): void;
  setRoute(route: string): void;
}

export interface StepMarker {
  warn(detail: string): void;
  skip(detail: string): void;
  detail(detail: string): void;
  /** Marks the step failed without throwing, so the probe can go on and learn more (the findings say why). */
  fail?(detail: string): void;
}

export type ProbeRunner = (ctx: ProbeContext) => Promise<void>;

export interface ProbeJob {
  kind: ProbeResult['kind'];
  target: { host: string; port: number };
  /** Default 10 000 ms. */
  deadlineMs?: number;
  landscapeId?: string;
  pathwayNumber?: number;
  runner: ProbeRunner;
}
