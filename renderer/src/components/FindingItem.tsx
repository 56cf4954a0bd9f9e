import { WHERE_TO_FIX_LABELS, type Finding } from '../../../shared/probe/probe-types';

const SEVERITY: Record<Finding['severity'], string> = { error: '✖ Error', warning: '⚠ Warning', info: 'ℹ Note' };

/** One finding as every list shows it: severity in words (not colour alone), the fix and where. */
export function FindingItem({ finding: f }: { finding: Finding }) {
  return (
    <li className={`severity-${f.severity}`} data-code={f.code}>
      <strong>{SEVERITY[f.severity]}:</strong> {f.message}
      <span className="fix">
        Fix in {WHERE_TO_FIX_LABELS[f.whereToFix]}: {f.fix}
      </span>
      {f.literal && <code className="probe-literal">{f.literal}</code>}
    </li>
  );
}
