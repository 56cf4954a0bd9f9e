import type { CertificateSummary } from '../../../shared/probe/probe-types';
import { formatDate } from '../components/format-date';

/** The chain exactly as the server sent it, leaf first: subject, issuer, validity, fingerprint. */
export function ProbeChain({ chain }: { chain: CertificateSummary[] }) {
  return (
    <details className="probe-chain" open>
      <summary>Chain sent by the server ({chain.length})</summary>
      <ol data-testid="probe-chain">
        {chain.map((c, i) => (
          <li key={`${c.fingerprintSha256}-${i}`}>
            <dl>
              <dt>Subject</dt>
              <dd>{c.subject}</dd>
              <dt>Issuer</dt>
              <dd>{c.issuer}{c.selfSigned ? ' (self-signed)' : ''}</dd>
              <dt>Valid</dt>
              <dd>
                {formatDate(c.notBefore)} → {formatDate(c.notAfter)}
              </dd>
              <dt>SHA-256</dt>
              <dd className="probe-fingerprint">{c.fingerprintSha256}</dd>
            </dl>
          </li>
        ))}
      </ol>
    </details>
  );
}
