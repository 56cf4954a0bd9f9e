/**
 * One credential. The revealed secret lives in this row's state only while shown: Hide, leaving
 * the page, or 30 seconds clear it.
 */
import { useEffect, useState } from 'react';
import { KIND_LABELS, type CredentialMeta } from '../../../../shared/vault/credential-kinds';
import type { CredentialUsage } from '../../../../shared/vault/credential-responses';
import { api } from '../../api';
import { RevealedSecret } from './RevealedSecret';

const REVEAL_MS = 30_000;

interface Props {
  credential: CredentialMeta;
  usage: CredentialUsage[];
  onChanged: () => void;
}

export function CredentialRow({ credential: c, usage, onChanged }: Props) {
  const [revealed, setRevealed] = useState<Record<string, string> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(null), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [revealed]);

  async function reveal() {
    const r = await api.revealCredential({ id: c.id });
    if (r.ok) setRevealed(r.value.revealed);
    else setNotice(r.error.message);
  }
  async function copy() {
    const r = await api.copyCredential({ id: c.id });
    setNotice(r.ok ? `Copied ${r.value.field}; the clipboard is cleared in ${r.value.clearAfterSeconds} s.` : r.error.message);
  }
  async function remove() {
    const inUse = usage.length ? ` It is used by ${usage.length} pathway(s) or keystore entries, which will lose their link.` : '';
    if (!window.confirm(`Remove "${c.label}" and its secret from the keychain?${inUse}`)) return;
    const r = await api.removeCredential({ id: c.id });
    if (r.ok) onChanged();
    else setNotice(r.error.message);
  }

  return (
    <tr data-testid={`credential-${c.id}`}>
      <th scope="row">{c.label}</th>
      <td>{KIND_LABELS[c.kind]}</td>
      <td>{c.user ?? c.clientId ?? c.subject ?? '—'}</td>
      <td>{c.notAfter ? new Date(c.notAfter).toLocaleDateString() : '—'}</td>
      <td>{usage.length ? usage.map((u) => `${u.landscapeName}: ${u.what}`).join('; ') : '—'}</td>
      <td>
        <div className="cred-actions">
          {revealed ? (
            <button type="button" onClick={() => setRevealed(null)} aria-label={`Hide secret of ${c.label}`}>
              Hide
            </button>
          ) : (
            <button type="button" onClick={() => void reveal()} aria-label={`Reveal secret of ${c.label}`}>
              Reveal
            </button>
          )}
          <button type="button" onClick={() => void copy()} aria-label={`Copy secret of ${c.label}`}>
            Copy
          </button>
          <button type="button" onClick={() => void remove()} aria-label={`Remove ${c.label}`}>
            Remove
          </button>
        </div>
        {revealed && <RevealedSecret values={revealed} />}
        {notice && (
          <p className="muted" role="status">
            {notice}
          </p>
        )}
      </td>
    </tr>
  );
}
