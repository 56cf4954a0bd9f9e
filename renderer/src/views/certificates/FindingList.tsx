/** Lint findings with what to do and where: the user fixes them at the named place. */
import type { CertFinding } from '../../../../shared/certs/finding';

export function FindingList({ findings, title = 'Findings' }: { findings: CertFinding[]; title?: string }) {
  if (findings.length === 0) return <p className="muted">No findings.</p>;
  return (
    <div className="findings">
      <h3>{title}</h3>
      <ul aria-label={title}>
        {findings.map((f, i) => (
          <li key={`${f.code}-${i}`} className={`finding finding-${f.severity}`} data-code={f.code}>
            <strong>{f.severity === 'error' ? '✖' : f.severity === 'warning' ? '⚠' : 'ℹ'} {f.message}</strong>
            <div>Fix: {f.fix}</div>
            <div className="muted">Where: {f.whereToFix}</div>
          </li>
        ))}
      </ul>
    </div>
  );
}
