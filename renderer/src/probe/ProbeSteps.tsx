import type { ProbeStep } from '../../../shared/probe/probe-types';

const ICON: Record<ProbeStep['status'], string> = { running: '…', ok: '✓', warning: '⚠', failed: '✖', skipped: '–' };

/** The probe's steps as they happen, each with its timing. */
export function ProbeSteps({ steps }: { steps: ProbeStep[] }) {
  if (!steps.length) return null;
  return (
    <ol className="probe-steps" aria-label="Probe steps" data-testid="probe-steps">
      {steps.map((s, i) => (
        <li key={`${s.id}-${s.startedMs}-${i}`} className={`step-${s.status}`} data-step={s.id} data-status={s.status}>
          <span aria-hidden="true">{ICON[s.status]}</span> {s.label}
          {s.durationMs !== undefined && <span className="probe-ms"> {s.durationMs} ms</span>}
          {s.detail && <span className="probe-detail"> — {s.detail}</span>}
        </li>
      ))}
    </ol>
  );
}
