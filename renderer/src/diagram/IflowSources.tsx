/**
 * Where an imported pathway comes from: every iFlow and adapter that makes this connection, so the
 * consultant can find the adapter in Cloud Integration's Design view when a setting must change.
 */
import type { Pathway } from '../../../shared/landscape';

export function IflowSources({ pathway }: { pathway: Pathway }) {
  if (!pathway.sources?.length) return null;
  return (
    <section aria-label="From integration flows">
      <h3>From integration flows</h3>
      <ul>
        {pathway.sources.map((s) => (
          <li key={`${s.iflowId}/${s.flowId}`}>
            {s.iflow || s.iflowId} → adapter “{s.adapter}” ({s.type})
          </li>
        ))}
      </ul>
      <p className="muted">A setting changed here should be changed in the iFlow's adapter too (Design → the iFlow → the adapter); the next import shows any difference.</p>
    </section>
  );
}
