/**
 * Runs one ProbeJob: owns the deadline, cancellation, the step timeline, the verdict and the
 * redacted result. The result is returned the moment the deadline passes or the probe is cancelled,
 * whatever the runner and its peer are doing; the abort signal makes the runner close its sockets.
 */
import { randomUUID } from 'node:crypto';
import { diagnose, explainNodeError } from '../../../shared/probe/diagnosis';
import type { CertificateSummary, Finding, ProbeProgress, ProbeResult, ProbeStep, Verdict } from '../../../shared/probe/probe-types';
import type { Logger, Redactor } from '../logger';
import type { ProbeContext, ProbeJob, StepMarker } from './engine-types';
import { ProbeFailure, rawCodeOf } from './probe-failure';

export const DEFAULT_DEADLINE_MS = 10_000;

export interface ProbeEngineDeps {
  redactor: Redactor;
  log: Logger;
  now?: () => Date;
}

export interface RunOptions {
  signal?: AbortSignal;
  probeId?: string;
  onProgress?: (progress: ProbeProgress) => void;
}

export interface ProbeEngine {
  run(job: ProbeJob, options?: RunOptions): Promise<ProbeResult>;
}

type StopReason = 'timed-out' | 'cancelled' | 'finished';
type Outcome = { kind: 'done' } | { kind: 'error'; error: unknown } | { kind: 'stopped'; reason: StopReason };

class ProbeStop extends Error {
  constructor(readonly reason: StopReason) {
    super(`probe ${reason}`);
  }
}
// Every probe that ends normally aborts its signal with this one marker: building an Error (its
// stack trace) per probe cost more than the rest of the engine's bookkeeping.
const FINISHED = new ProbeStop('finished');

export function createProbeEngine(deps: ProbeEngineDeps): ProbeEngine {
  const now = deps.now ?? (() => new Date());
  return {
    async run(job, options = {}) {
      const probeId = options.probeId ?? randomUUID();
      const t0 = Date.now();
      const startedAt = now().toISOString();
      const deadlineMs = job.deadlineMs ?? DEFAULT_DEADLINE_MS;
      const controller = new AbortController();
      const secrets = new Set<string>();
      const steps: ProbeStep[] = [];
      const findings: Finding[] = [];
      const transcript: string[] = [];
      const facts: NonNullable<ProbeResult['facts']> = {};
      let chain: CertificateSummary[] | undefined;
      let route: string | undefined;
      let stage = 'start';

      const redact = (text: string): string => {
        let out = deps.redactor.redact(text);
        for (const s of secrets) out = out.split(s).join('[redacted]');
        return out;
      };
      const emit = (p: Omit<ProbeProgress, 'probeId' | 'landscapeId' | 'pathwayNumber'>) => {
        try {
          options.onProgress?.({ probeId, landscapeId: job.landscapeId, pathwayNumber: job.pathwayNumber, ...p });
        } catch (e) {
          deps.log.warn('probe', 'progress listener threw', { error: e instanceof Error ? e.name : 'unknown' });
        }
      };
      const redactStep = (s: ProbeStep): ProbeStep => (s.detail === undefined ? { ...s } : { ...s, detail: redact(s.detail) });

      const ctx: ProbeContext = {
        signal: controller.signal,
        deadlineAt: t0 + deadlineMs,
        async step(id, label, run) {
          if (controller.signal.aborted) throw controller.signal.reason;
          const step: ProbeStep = { id, label, status: 'running', startedMs: Date.now() - t0 };
          steps.push(step);
          stage = label;
          emit({ step: redactStep(step) });
          let marked: ProbeStep['status'] | undefined;
          const marker: StepMarker = {
            warn: (d) => ((marked = 'warning'), (step.detail = d)),
            skip: (d) => ((marked = 'skipped'), (step.detail = d)),
            detail: (d) => void (step.detail = d),
            fail: (d) => ((marked = 'failed'), (step.detail = d)),
          };
          try {
            const value = await run(marker);
            if (step.status === 'running') step.status = marked ?? 'ok';
            return value;
          } catch (e) {
            if (step.status === 'running') {
              step.status = 'failed';
              // Never a bare ECONNREFUSED: the step says what it means (the finding adds the fix).
              step.detail ??= e instanceof ProbeFailure ? e.finding.message : explainNodeError(rawCodeOf(e), { ...job.target, stage: label }).message;
            }
            throw e;
          } finally {
            step.durationMs = Date.now() - t0 - step.startedMs;
            // After a stop the result has been sent; a late step event would only confuse listeners.
            if (!controller.signal.aborted) emit({ step: redactStep(step) });
          }
        },
        finding: (f) => void findings.push(f),
        log: (line) => void transcript.push(`+${Date.now() - t0}ms ${redact(line)}`),
        secret(value) {
          if (!value) return;
          secrets.add(value);
          deps.redactor.add(value);
        },
        fact: (key, value) => void (facts[key] = value),
        setChain: (c) => void (chain = c),
        setRoute: (r) => void (route = r),
      };

      const stopped = new Promise<Outcome>((resolve) => {
        controller.signal.addEventListener('abort', () => resolve({ kind: 'stopped', reason: (controller.signal.reason as ProbeStop).reason }), { once: true });
      });
      const timer = setTimeout(() => controller.abort(new ProbeStop('timed-out')), deadlineMs);
      const onCancel = () => controller.abort(new ProbeStop('cancelled'));
      if (options.signal?.aborted) onCancel();
      else options.signal?.addEventListener('abort', onCancel, { once: true });
      // The runner's promise always has handlers: a late rejection after a stop is never unhandled.
      const ran = Promise.resolve()
        .then(() => job.runner(ctx))
        .then<Outcome, Outcome>(() => ({ kind: 'done' }), (error: unknown) => ({ kind: 'error', error }));

      const outcome = await Promise.race([ran, stopped]);
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onCancel);
      // Tell a runner that is still holding something to let go (no-op when it already has).
      if (!controller.signal.aborted) controller.abort(FINISHED);

      const verdict = concludeOutcome(outcome, findings, steps, { stage, deadlineMs, host: job.target.host, port: job.target.port });
      const result: ProbeResult = {
        probeId,
        kind: job.kind,
        target: { ...job.target },
        verdict,
        startedAt,
        finishedAt: now().toISOString(),
        steps: steps.map(redactStep),
        findings: findings.map((f) => ({ ...f, message: redact(f.message), fix: redact(f.fix), ...(f.literal ? { literal: redact(f.literal) } : {}) })),
        transcript,
        ...(route ? { route } : {}),
        ...(chain ? { chain } : {}),
        facts: Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, typeof v === 'string' ? redact(v) : Array.isArray(v) ? v.map(redact) : v])),
      };
      emit({ result });
      return result;
    },
  };
}

function concludeOutcome(
  outcome: Outcome,
  findings: Finding[],
  steps: ProbeStep[],
  vars: { stage: string; deadlineMs: number; host: string; port: number },
): Verdict {
  if (outcome.kind === 'stopped' && outcome.reason !== 'finished') {
    const timedOut = outcome.reason === 'timed-out';
    for (const s of steps) {
      if (s.status !== 'running') continue;
      s.status = timedOut ? 'failed' : 'skipped';
      s.detail = timedOut ? `no answer before the ${vars.deadlineMs} ms deadline` : 'cancelled';
    }
    findings.push(timedOut ? diagnose('probe.timed-out', { ...vars, ms: vars.deadlineMs }) : diagnose('probe.cancelled'));
    return timedOut ? 'timed-out' : 'cancelled';
  }
  if (outcome.kind === 'error') {
    const e = outcome.error;
    if (e instanceof ProbeFailure) {
      if (!findings.some((f) => f.code === e.finding.code)) findings.push(e.finding);
    } else if (!findings.some((f) => f.severity === 'error')) {
      findings.push(explainNodeError(rawCodeOf(e), { host: vars.host, port: vars.port, stage: vars.stage }));
    }
    return 'failed';
  }
  if (findings.some((f) => f.severity === 'error')) return 'failed';
  // Nothing went over the wire (Cloud Connector): the model's warnings are shown, never "passed with warnings".
  if (findings.some((f) => f.code === 'onprem.not-probed')) return 'not-probed';
  if (findings.some((f) => f.severity === 'warning') || steps.some((s) => s.status === 'warning')) return 'warning';
  return 'passed';
}
