/** Keys waiting for a certificate, certificates (expiry, fingerprints, findings) and SSH keys. */
import type { MaterialSummary } from '../../../../shared/certs/material-responses';
import { formatDate } from '../../components/format-date';
import { FindingList } from './FindingList';

const short = (hex?: string) => (hex ? `${hex.replace(/:/g, '').slice(0, 16).toLowerCase()}…` : '—');

export function MaterialList({ data, onContinue }: { data: MaterialSummary; onContinue?: (key: MaterialSummary['keys'][number]) => void }) {
  return (
    <div className="material-list">
      <h2>Keys waiting for a certificate</h2>
      {data.keys.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="cred-table" aria-label="Keys">
          <thead>
            <tr><th>Label</th><th>Type</th><th>Public key SHA-256</th><th>Next step</th></tr>
          </thead>
          <tbody>
            {data.keys.map((k) => (
              <tr key={k.id}>
                <td>{k.label}</td><td>{k.keyAlgorithm}</td><td><code>{short(k.fingerprints?.publicKeySha256)}</code></td>
                <td><button type="button" onClick={() => onContinue?.(k)} aria-label={`Continue with ${k.label}: request and signed answer`}>Continue…</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>Certificates</h2>
      {data.certificates.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="cred-table" aria-label="Certificates">
          <thead>
            <tr><th>Label</th><th>Subject / issuer</th><th>Valid until</th><th>SHA-256</th><th>Findings</th></tr>
          </thead>
          <tbody>
            {data.certificates.map(({ credential: c, facts, findings }) => (
              <tr key={c.id}>
                <td>{c.label}</td>
                <td>{c.subject}<div className="muted">{c.issuer}</div></td>
                <td>{facts?.notAfter ? formatDate(facts.notAfter) : c.notAfter ? formatDate(c.notAfter) : '—'}</td>
                <td><code>{short(c.fingerprints?.sha256)}</code></td>
                <td><FindingList findings={findings} title={`Findings for ${c.label}`} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>SSH keys</h2>
      {data.sshKeys.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <table className="cred-table" aria-label="SSH keys">
          <thead>
            <tr><th>Label</th><th>Type</th><th>Fingerprint</th></tr>
          </thead>
          <tbody>
            {data.sshKeys.map((k) => (
              <tr key={k.id}><td>{k.label}</td><td>{k.keyAlgorithm}</td><td><code>{k.fingerprints?.ssh}</code></td></tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
