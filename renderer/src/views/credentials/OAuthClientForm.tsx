/**
 * An OAuth2 client (client credentials) entered by hand, e.g. from a peer system's administrator.
 * The client secret goes to main once and is cleared from the form right after saving.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { StatusLine } from '../../components/StatusLine';
import { useTransientStatus } from '../../components/use-transient-status';

const EMPTY = { label: '', clientId: '', tokenUrl: '', url: '' };

export function OAuthClientForm({ onCreated }: { onCreated: () => void }) {
  const [f, setF] = useState(EMPTY);
  const [secret, setSecret] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const { status, show } = useTransientStatus();
  const field = (name: keyof typeof EMPTY, label: string, extra: { type?: string; placeholder?: string; required?: boolean } = {}) => (
    <label>
      {label}
      <input value={f[name]} onChange={(e) => setF({ ...f, [name]: e.target.value })} autoComplete="off" aria-invalid={invalid === name || undefined} required={extra.required ?? true} placeholder={extra.placeholder} type={extra.type ?? 'text'} />
    </label>
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    const r = await api.createOAuthClientCredential({ label: f.label, clientId: f.clientId, tokenUrl: f.tokenUrl, clientSecret: secret, ...(f.url.trim() ? { url: f.url.trim() } : {}) });
    setSecret('');
    if (!r.ok) {
      setInvalid(r.error.field?.split('.').pop() ?? null);
      return show('error', r.error.message);
    }
    setInvalid(null);
    setF(EMPTY);
    show('ok', `Saved “${r.value.label}”. The client secret is in the keychain.`);
    onCreated();
  }

  return (
    <form className="cred-form" aria-labelledby="oauth-form-title" onSubmit={(e) => void submit(e)}>
      <h2 id="oauth-form-title">Add an OAuth2 client</h2>
      {field('label', 'Label')}
      {field('clientId', 'Client ID')}
      <label>
        Client secret
        <input type="password" value={secret} onChange={(e) => setSecret(e.target.value)} required autoComplete="new-password" aria-invalid={invalid === 'clientSecret' || undefined} />
      </label>
      {field('tokenUrl', 'Token URL', { type: 'url', placeholder: 'https://…/oauth/token' })}
      {field('url', 'Service URL (optional)', { type: 'url', placeholder: 'https://…', required: false })}
      <div className="cred-actions">
        <button type="submit" disabled={!secret}>
          Save OAuth2 client
        </button>
      </div>
      <StatusLine status={status} />
    </form>
  );
}
