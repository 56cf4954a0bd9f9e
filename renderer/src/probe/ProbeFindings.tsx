import type { Finding } from '../../../shared/probe/probe-types';
import { FindingItem } from '../components/FindingItem';

/** What the probe found, each with the fix, where to make it and the real system's own words. */
export function ProbeFindings({ findings }: { findings: Finding[] }) {
  if (!findings.length) return <p className="probe-clean">✓ No findings.</p>;
  return (
    <ul className="findings probe-findings" data-testid="probe-findings">
      {findings.map((f, i) => (
        <FindingItem key={`${f.code}-${i}`} finding={f} />
      ))}
    </ul>
  );
}
