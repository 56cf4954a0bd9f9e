import type { Finding } from '../../../shared/probe/probe-types';

const WHERE: Record<Finding['whereToFix'], string> = {
  'btp-cockpit': 'BTP cockpit',
  'ci-monitor': 'Cloud Integration → Monitor → Manage Security',
  'peer-system': 'the peer system',
  network: 'the network or proxy',
  'this-app': 'this app',
};
const ICON: Record<Finding['severity'], string> = { error: '✖ Error', warning: '⚠ Warning', info: 'ℹ Note' };

/** What the probe found, each with the fix, where to make it and the real system's own words. */
export function ProbeFindings({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <p className="probe-clean">✓ No findings.</p>;
  return (
    <ul className="findings probe-findings" data-testid="probe-findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${i}`} className={`severity-${f.severity}`} data-code={f.code}>
          <strong>{ICON[f.severity]}:</strong> {f.message}
          <span className="fix">
            Fix in {WHERE[f.whereToFix]}: {f.fix}
          </span>
          {f.literal && <code className="probe-literal">{f.literal}</code>}
        </li>
      ))}
    </ul>
  );
}
