/**
 * PGP keys for CI's PGP steps: the stored keys, a new RSA key (its passphrase is generated and kept
 * in the keychain), importing a partner's or the customer's keys, and the two keyrings exactly as
 * Monitor → Manage Security → PGP Keys takes them. Paths come from the native file dialogs.
 */
import { useState, type FormEvent } from 'react';
import type { PgpExportResult } from '../../../../shared/pgp/pgp-types';
import type { PgpListResponse } from '../../../../shared/ipc/pgp-channels';
import { api } from '../../api';
import { useApiResource } from '../../components/use-api-resource';
import { PgpKeyTable } from './PgpKeyTable';

const TYPES = ['rsa-2048', 'rsa-3072', 'rsa-4096'] as const;

export function PgpSection() {
  const { data, error: loadError, reload } = useApiResource<PgpListResponse>(api.listPgpKeys);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [label, setLabel] = useState('');
  const [userId, setUserId] = useState('');
  const [type, setType] = useState<(typeof TYPES)[number]>('rsa-2048');
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [exported, setExported] = useState<PgpExportResult | null>(null);

  const toggle = (l: string) => setSelected((s) => { const n = new Set(s); if (n.has(l)) n.delete(l); else n.add(l); return n; });
  const report = (message: string | null, ok: string | null = null) => { setError(message); setDone(ok); };

  async function create(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await api.createPgpKey({ label, userId, type });
    setBusy(false);
    if (!r.ok) return report(r.error.message);
    report(null, `Created "${r.value.label}", key ID ${r.value.keyId}, valid until ${r.value.expires?.slice(0, 10) ?? 'never'}.`);
    setLabel('');
    setUserId('');
    void reload();
  }

  async function importFile() {
    const chosen = await api.chooseOpenPath({ title: 'PGP keys (.asc or .gpg)', filters: [{ name: 'PGP keys', extensions: ['asc', 'gpg', 'pgp', 'key'] }] });
    if (!chosen.ok || !chosen.value.path) return;
    const name = chosen.value.path.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '');
    const r = await api.importPgpKeys({ path: chosen.value.path, label: label.trim() || name, ...(passphrase ? { passphrase } : {}) });
    if (!r.ok) return report(r.error.message);
    report(null, [`Imported ${r.value.imported.map((k) => `"${k.label}"`).join(', ')}.`, ...r.value.notes].join(' '));
    setPassphrase('');
    void reload();
  }

  async function exportRing(kind: 'public' | 'secret') {
    const labels = [...selected];
    const chosen = await api.chooseSavePath({ title: `Save the ${kind} keyring`, defaultName: `${kind}-keyring.asc`, filters: [{ name: 'Armored keyring', extensions: ['asc'] }] });
    if (!chosen.ok || !chosen.value.path) return;
    const r = kind === 'public' ? await api.exportPgpPublic({ labels, path: chosen.value.path }) : await api.exportPgpSecret({ labels, path: chosen.value.path, passphrase });
    if (!r.ok) return report(r.error.message);
    setPassphrase('');
    report(null);
    setExported(r.value);
  }

  return (
    <section className="section" aria-labelledby="pgp-title">
      <h2 id="pgp-title">PGP keys</h2>
      <p className="muted">For message-level security: CI's PGP Encryptor, Decryptor and Signer use a public keyring (partners' keys) and a secret keyring (your keys) uploaded in Monitor → Manage Security → PGP Keys.</p>
      {loadError && <p role="alert">{loadError}</p>}
      {data && <PgpKeyTable keys={data.keys} selected={selected} onToggle={toggle} />}
      <div className="cred-actions">
        <button type="button" disabled={selected.size === 0} onClick={() => void exportRing('public')}>Export public keyring…</button>
        <label className="inline-check">Export passphrase <input type="password" value={passphrase} autoComplete="new-password" onChange={(e) => setPassphrase(e.target.value)} /></label>
        <button type="button" disabled={selected.size === 0 || passphrase.length < 8} onClick={() => void exportRing('secret')}>Export secret keyring…</button>
        <button type="button" onClick={() => void importFile()}>Import keys…</button>
      </div>
      <p className="muted">Select keys to export. The secret keyring puts every selected key under the export passphrase (CI asks for it on upload); the same field is the passphrase of a secret key you import.</p>
      {exported && (
        <div role="status" data-testid="pgp-export">
          <p>Wrote the {exported.keyring} keyring ({exported.keys.map((k) => k.keyId).join(', ')}) to {exported.path}. Upload: {exported.where}.</p>
          <ul>{exported.upload.map((u) => <li key={u.mode}><strong>{u.title}</strong>: {u.effect}</li>)}</ul>
        </div>
      )}
      <form className="cred-form" aria-label="New PGP key" onSubmit={(e) => void create(e)}>
        <h3>New PGP key</h3>
        <div className="form-columns">
          <label>PGP key label<input value={label} onChange={(e) => setLabel(e.target.value)} /></label>
          <label>User ID<input value={userId} placeholder="Acme Integration <integration@acme.example>" onChange={(e) => setUserId(e.target.value)} /></label>
          <label>Key type<select value={type} onChange={(e) => setType(e.target.value as (typeof TYPES)[number])}>{TYPES.map((t) => <option key={t} value={t}>{t.toUpperCase().replace('-', ' ')}</option>)}</select></label>
        </div>
        <p className="muted">Valid for two years. Its passphrase is generated and kept in your keychain; exports set the passphrase you choose.</p>
        <button type="submit" disabled={busy || !label.trim() || !userId.trim()}>{busy ? 'Generating…' : 'Generate PGP key'}</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {done && <p role="status" className="status status-ok">{done}</p>}
    </section>
  );
}
