/**
 * One credential. The revealed secret lives in this row's state only while shown: Hide, leaving
 * the page, or 30 seconds clear it.
 */
import { useEffect, useState } from 'react';
import { KIND_LABELS, type CredentialMeta } from '../../../../shared/vault/credential-kinds';
import type { CredentialUsage } from '../../../../shared/vault/credential-responses';
import { api } from '../../api';
import { formatDate } from '../../components/format-date';
import { RevealedSecret } from './RevealedSecret';
import { CredentialEditForm } from './CredentialEditForm';

// Kinds whose secret is a private key: never revealed into the page (Certificates exports them to a
// file the user chooses instead).
const KEY_KINDS = new Set<CredentialMeta['kind']>(['client-certificate', 'key-pair', 'ssh-key', 'pgp-key']);

const REVEAL_MS = 30_000;

interface Props {
  credential: CredentialMeta;
  usage: CredentialUsage[];
  onChanged: () => void;
}


/** The secret's field in words (the payload's key is an internal name). */
const SECRET_NAMES: Record<string, string> = { password: 'the password', clientSecret: 'the client secret', passphrase: 'the passphrase', token: 'the token' };
export function CredentialRow({ credential: c, usage, onChanged }: Props) {
  const [revealed, setRevealed] = useState<Record<string, string> | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const isKey = KEY_KINDS.has(c.kind);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 10_000);
    return () => clearTimeout(timer);
  }, [notice]);
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
    setNotice(r.ok ? `Copied ${SECRET_NAMES[r.value.field] ?? 'the secret'}; the clipboard is cleared in ${r.value.clearAfterSeconds} s.` : r.error.message);
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
      <td>{c.notAfter ? formatDate(c.notAfter) : '—'}</td>
      <td>{usage.length ? usage.map((u) => `${u.landscapeName}: ${u.what}`).join('; ') : '—'}</td>
      <td>
        <div className="cred-actions">
          {isKey ? null : revealed ? (
            <button type="button" onClick={() => setRevealed(null)} aria-label={`Hide secret of ${c.label}`}>
              Hide
            </button>
          ) : (
            <button type="button" onClick={() => void reveal()} aria-label={`Reveal secret of ${c.label}`}>
              Reveal
            </button>
          )}
          {!isKey && (
            <button type="button" onClick={() => void copy()} aria-label={`Copy secret of ${c.label}`}>
              Copy
            </button>
          )}
          <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing} aria-label={`Edit ${c.label}`}>
            Edit
          </button>
          <button type="button" className="btn-danger" onClick={() => void remove()} aria-label={`Remove ${c.label}`}>
            Remove
          </button>
        </div>
        {isKey && <p className="muted">Private key: export it from Certificates to a file you choose.</p>}
        {editing && (
          <CredentialEditForm
            credential={c}
            onDone={(saved) => {
              setEditing(false);
              if (saved) {
                setNotice(saved);
                onChanged();
              }
            }}
          />
        )}
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
