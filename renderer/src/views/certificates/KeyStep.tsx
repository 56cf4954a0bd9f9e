/** Step 1: a new private key, generated in main and kept in the keychain. */
import { useState, type FormEvent } from 'react';
import type { CredentialMeta } from '../../../../shared/vault/credential-kinds';
import { api } from '../../api';

const TYPES = ['rsa-2048', 'rsa-3072', 'rsa-4096', 'ec-p256'] as const;

export function KeyStep({ onCreated }: { onCreated: (key: CredentialMeta) => void }) {
  const [label, setLabel] = useState('');
  const [type, setType] = useState<(typeof TYPES)[number]>('rsa-2048');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await api.createKeyPair({ type, label });
    setBusy(false);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    onCreated(r.value);
  }

  return (
    <form className="cred-form" aria-label="1. Key" onSubmit={(e) => void submit(e)}>
      <h3>1. Key</h3>
      <label>Label<input value={label} onChange={(e) => setLabel(e.target.value)} required /></label>
      <label>
        Key type
        <select value={type} onChange={(e) => setType(e.target.value as (typeof TYPES)[number])}>
          {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      <button type="submit" disabled={busy || !label.trim()}>{busy ? 'Generating…' : 'Generate key'}</button>
      {error && <p role="alert">{error}</p>}
    </form>
  );
}
