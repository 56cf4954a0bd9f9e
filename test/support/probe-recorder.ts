/**
 * A minimal ProbeContext for runner tests until (and besides) the real engine: records steps,
 * findings, facts and the transcript, redacting registered secrets everywhere, and enforces the
 * deadline through the abort signal like the engine does.
 */
import type { ProbeContext, ProbeRunner, StepMarker } from '../../main/services/probes/engine-types';
import type { CertificateSummary, Finding, ProbeStep } from '../../shared/probe/probe-types';

export interface Recorded {
  steps: ProbeStep[];
  findings: Finding[];
  transcript: string[];
  facts: Record<string, string | number | boolean | string[]>;
  chain?: CertificateSummary[];
  route?: string;
  error?: string;
  codes: string[];
}

export async function runRecorded(runner: ProbeRunner, deadlineMs = 10_000): Promise<Recorded> {
  const secrets: string[] = [];
  const redact = (s: string): string => secrets.reduce((acc, v) => (v ? acc.split(v).join('***') : acc), s);
  const rec: Recorded = { steps: [], findings: [], transcript: [], facts: {}, codes: [] };
  const controller = new AbortController();
  const started = Date.now();
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  const ctx: ProbeContext = {
    signal: controller.signal,
    deadlineAt: started + deadlineMs,
    async step<T>(id: string, label: string, run: (mark: StepMarker) => Promise<T>): Promise<T> {
      const step: ProbeStep = { id, label, status: 'running', startedMs: Date.now() - started };
      rec.steps.push(step);
      const mark: StepMarker = {
        warn: (d) => Object.assign(step, { status: 'warning', detail: redact(d) }),
        skip: (d) => Object.assign(step, { status: 'skipped', detail: redact(d) }),
        detail: (d) => Object.assign(step, { detail: redact(d) }),
        fail: (d) => Object.assign(step, { status: 'failed', detail: redact(d) }),
      };
      try {
        const value = await run(mark);
        if (step.status === 'running') step.status = 'ok';
        return value;
      } catch (e) {
        step.status = 'failed';
        throw e;
      } finally {
        step.durationMs = Date.now() - started - step.startedMs;
      }
    },
    finding: (f) => {
      rec.findings.push(JSON.parse(redact(JSON.stringify(f))) as Finding);
      rec.codes.push(f.code);
    },
    log: (line) => rec.transcript.push(redact(line)),
    secret: (v) => secrets.push(v),
    fact: (k, v) => (rec.facts[k] = typeof v === 'string' ? redact(v) : v),
    setChain: (c) => (rec.chain = c),
    setRoute: (r) => (rec.route = r),
  };
  try {
    await runner(ctx);
  } catch (e) {
    // Like the engine: a runner's diagnosed failure (ProbeFailure) carries its finding.
    const f = (e as { finding?: Finding }).finding;
    if (f && !rec.codes.includes(f.code)) ctx.finding(f);
    rec.error = redact(e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
    // Like the engine: the probe is over, so its signal aborts and every guarded socket is released
    // (a TLS socket whose handshake failed would otherwise linger and report the peer's close later).
    controller.abort();
  }
  return rec;
}
