/** A new SSH key for an SFTP pathway: generated in main, its authorized_keys line shown to copy. */
import { useState, type FormEvent } from 'react';
import { api } from '../../api';

const TYPES = ['ed25519', 'rsa-4096'] as const;

export function NewSshKeyForm({ onCreated }: { onCreated: () => void }) {
  const [label, setLabel] = useState('');
  const [type, setType] = useState<(typeof TYPES)[number]>('rsa-4096');
  const [busy, setBusy] = useState(false);
  const [line, setLine] = useState<{ line: string; fingerprint: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const created = await api.createSshKey({ type, label });
    const pub = created.ok ? await api.sshPublicLine({ ref: created.value.id }) : null;
    setBusy(false);
    if (!created.ok) return setError(created.error.message);
    if (pub && !pub.ok) return setError(pub.error.message);
    setError(null);
    setLine(pub ? { line: pub.value.line, fingerprint: pub.value.fingerprint } : null);
    onCreated();
  }

  return (
    <form className="cred-form" aria-label="New SSH key" onSubmit={(e) => void submit(e)}>
      <h2>New SSH key</h2>
      <p className="muted">RSA 4096 is what Cloud Integration recommends for SFTP (its keystore exports OpenSSH public keys only for RSA).</p>
      <label>SSH key label<input value={label} onChange={(e) => setLabel(e.target.value)} required /></label>
      <label>
        SSH key type
        <select value={type} onChange={(e) => setType(e.target.value as (typeof TYPES)[number])}>
          {TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
        </select>
      </label>
      <button type="submit" disabled={busy || !label.trim()}>{busy ? 'Generating…' : 'Generate SSH key'}</button>
      {error && <p role="alert">{error}</p>}
      {line && (
        <div role="status" data-testid="ssh-public">
          <label>authorized_keys line for the SFTP server<textarea readOnly rows={3} value={line.line} /></label>
          <p>Fingerprint <code>{line.fingerprint}</code></p>
        </div>
      )}
    </form>
  );
}
