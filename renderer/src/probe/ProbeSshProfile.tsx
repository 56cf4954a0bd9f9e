/**
 * For an SFTP probe: what Cloud Integration's SSH client (JSch) would agree on with the server, and
 * where SAP's documentation stops and the inference from JSch's defaults begins.
 */
import type { ProbeResult } from '../../../shared/probe/probe-types';

export function ProbeSshProfile({ facts }: { facts: ProbeResult['facts'] }) {
  if (typeof facts?.ciSshVerdict !== 'string') return null;
  return (
    <div className="probe-meta" data-testid="probe-ssh-profile">
      <p>
        Algorithms as Cloud Integration’s SSH client: {facts.ciSshVerdict}
        {typeof facts.ciSshAlgorithms === 'string' && ` — ${facts.ciSshAlgorithms}`}
      </p>
      {typeof facts.ciSshBasis === 'string' && <p className="probe-basis">{facts.ciSshBasis}</p>}
    </div>
  );
}
