/** The consistency check: halves left behind (keychain without metadata and vice versa), with repair. */
import { useState } from 'react';
import type { Orphan } from '../../../../shared/vault/credential-responses';
import { api } from '../../api';

export function OrphanPanel({ onRepaired }: { onRepaired: () => void }) {
  const [orphans, setOrphans] = useState<Orphan[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function scan() {
    const r = await api.findCredentialOrphans();
    if (r.ok) setOrphans(r.value.orphans);
    else setMessage(r.error.message);
  }
  async function repair() {
    if (!orphans?.length) return;
    const r = await api.repairCredentialOrphans({ orphans: orphans.map(({ kind, id }) => ({ kind, id })) });
    if (!r.ok) return setMessage(r.error.message);
    setOrphans(r.value.remaining);
    setMessage(`Repaired ${r.value.repaired.length}.`);
    onRepaired();
  }

  return (
    <section className="cred-form" aria-labelledby="orphans-title">
      <h2 id="orphans-title">Consistency</h2>
      <button type="button" onClick={() => void scan()}>
        Check keychain and metadata
      </button>
      {orphans && orphans.length === 0 && <p role="status">Everything matches.</p>}
      {orphans && orphans.length > 0 && (
        <>
          <ul>
            {orphans.map((o) => (
              <li key={`${o.kind}-${o.id}`}>
                {o.label ?? o.id}: {o.kind.replace(/-/g, ' ')} — {o.repair}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => void repair()}>
            Repair all
          </button>
        </>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
