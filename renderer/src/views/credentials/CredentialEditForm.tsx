/**
 * Edits one credential in place: its label and public fields, and optionally a new secret (typed,
 * sent to main once, cleared right after). Kinds whose secret is a key are changed by importing
 * new material (Certificates), not typed here.
 */
import { useState, type FormEvent } from 'react';
import type { CredentialMeta } from '../../../../shared/vault/credential-kinds';
import { api } from '../../api';

const TYPED_SECRET: Partial<Record<CredentialMeta['kind'], string>> = { basic: 'New password', 'oauth2-client': 'New client secret', 'pkcs12-passphrase': 'New passphrase' };

export function CredentialEditForm({ credential: c, onDone }: { credential: CredentialMeta; onDone: (saved: string | null) => void }) {
  const [label, setLabel] = useState(c.label);
  const [user, setUser] = useState(c.user ?? '');
  const [clientId, setClientId] = useState(c.clientId ?? '');
  const [tokenUrl, setTokenUrl] = useState(c.tokenUrl ?? '');
  const [secret, setSecret] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const secretLabel = TYPED_SECRET[c.kind];

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await api.updateCredential({
      id: c.id,
      ...(label !== c.label ? { label } : {}),
      ...(c.kind === 'basic' && user !== (c.user ?? '') ? { user } : {}),
      ...(c.kind === 'oauth2-client' && clientId !== (c.clientId ?? '') ? { clientId } : {}),
      ...(c.kind === 'oauth2-client' && tokenUrl !== (c.tokenUrl ?? '') ? { tokenUrl } : {}),
      ...(secret ? { newSecret: secret } : {}),
    });
    setSecret('');
    if (!r.ok) return setError({ field: r.error.field?.split('.').pop(), message: r.error.message });
    onDone(`Saved “${r.value.label}”${secret ? ' and its new secret' : ''}.`);
  }

  const bad = (f: string) => error?.field === f || undefined;
  return (
    <form className="cred-edit" aria-label={`Edit ${c.label}`} onSubmit={(e) => void submit(e)}>
      <label>
        Label <input value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={200} aria-invalid={bad('label')} />
      </label>
      {c.kind === 'basic' && (
        <label>
          User <input value={user} onChange={(e) => setUser(e.target.value)} required maxLength={255} autoComplete="off" aria-invalid={bad('user')} />
        </label>
      )}
      {c.kind === 'oauth2-client' && (
        <>
          <label>
            Client ID <input value={clientId} onChange={(e) => setClientId(e.target.value)} required autoComplete="off" aria-invalid={bad('clientId')} />
          </label>
          <label>
            Token URL <input type="url" value={tokenUrl} onChange={(e) => setTokenUrl(e.target.value)} required aria-invalid={bad('tokenUrl')} />
          </label>
        </>
      )}
      {secretLabel && (
        <label>
          {secretLabel} <span className="muted">(leave empty to keep)</span>
          <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="new-password" aria-invalid={bad('newSecret')} />
        </label>
      )}
      <div className="cred-actions">
        <button type="submit">Save changes</button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
      {error && (
        <p className="status status-error" role="alert">
          {error.message}
        </p>
      )}
    </form>
  );
}
