/** The stored PGP keys: what CI's PGP Keys list shows (user ID, key ID, validity) plus what the lint found. */
import type { PgpKeyReport } from '../../../../shared/pgp/pgp-types';
import { FindingList } from './FindingList';

const spaced = (fpr: string) => fpr.toUpperCase().replace(/(.{4})/g, '$1 ').trim();

export function PgpKeyTable({ keys, selected, onToggle }: { keys: PgpKeyReport[]; selected: Set<string>; onToggle: (label: string) => void }) {
  if (keys.length === 0) return <p className="muted">No PGP keys yet: create one for your side, or import a partner's public key.</p>;
  return (
    <table className="cred-table" aria-label="PGP keys">
      <thead>
        <tr><th><span className="visually-hidden">Select</span></th><th>Label</th><th>User IDs</th><th>Key</th><th>Valid until</th><th>Findings</th></tr>
      </thead>
      <tbody>
        {keys.map(({ key: k, findings }) => (
          <tr key={k.fingerprint} data-testid={`pgp-row-${k.label}`}>
            <td><input type="checkbox" aria-label={`Select ${k.label}`} checked={selected.has(k.label)} onChange={() => onToggle(k.label)} /></td>
            <td>{k.label}<div className="muted">{k.role === 'own' ? 'Your key (secret key in the keychain)' : "Partner's public key"}</div></td>
            <td>{k.userIds.map((u) => <div key={u}>{u}</div>)}</td>
            <td>
              {k.algorithm}, key ID <code>{k.keyId}</code>
              <div className="muted"><code>{spaced(k.fingerprint)}</code></div>
              {k.subkeys.map((s) => (
                <div key={s.fingerprint} className="muted">Subkey {s.algorithm} <code>{s.keyId}</code> ({[s.canSign && 'signs', s.canEncrypt && 'encrypts'].filter(Boolean).join(', ') || 'no usage'})</div>
              ))}
            </td>
            <td>{k.expires ? k.expires.slice(0, 10) : 'Never'}</td>
            <td><FindingList findings={findings} title={`Findings for ${k.label}`} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
