import type { Finding } from '../../../shared/probe/probe-types';
import { FindingItem } from '../components/FindingItem';

/** The model's rule findings for one pathway, each with its fix and where to make it. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  return (
    <section aria-labelledby="findings-title">
      <h3 id="findings-title">Findings</h3>
      {findings.length === 0 ? (
        <p>✓ No findings: the model has nothing to flag on this pathway.</p>
      ) : (
        <ul className="findings" data-testid="findings">
          {findings.map((f, i) => (
            <FindingItem key={`${f.code}-${i}`} finding={f} />
          ))}
        </ul>
      )}
    </section>
  );
}
