import type { Verdict } from '../../../shared/probe/probe-types';
import { formatDateTime } from '../components/format-date';

const TEXT: Record<Verdict, string> = {
  passed: '✓ Passed',
  warning: '⚠ Passed with warnings',
  failed: '✖ Failed',
  cancelled: '– Cancelled',
  'timed-out': '⏱ Timed out',
  'not-probed': '○ Not probed from the laptop',
};

export function ProbeVerdict({ verdict, finishedAt, route }: { verdict: Verdict; finishedAt: string; route?: string }) {
  return (
    <p className={`probe-verdict verdict-${verdict}`} role="status" data-verdict={verdict}>
      <strong>{TEXT[verdict]}</strong> <span className="probe-meta">at {formatDateTime(finishedAt)}{route ? `, ${route}` : ''}</span>
    </p>
  );
}
