import type { Finding } from '../../../shared/probe/probe-types';

const WHERE: Record<Finding['whereToFix'], string> = {
  'btp-cockpit': 'BTP cockpit',
  'ci-monitor': 'Cloud Integration → Monitor → Manage Security',
  'peer-system': 'the peer system',
  network: 'the network',
  'this-app': 'this app',
};
const ICON: Record<Finding['severity'], string> = { error: '✖ Error', warning: '⚠ Warning', info: 'ℹ Note' };

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
            <li key={`${f.code}-${i}`} className={`severity-${f.severity}`} data-code={f.code}>
              <strong>{ICON[f.severity]}:</strong> {f.message}
              <span className="fix">
                Fix in {WHERE[f.whereToFix]}: {f.fix}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
