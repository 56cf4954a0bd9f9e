/**
 * "Receive…": shows this laptop's age recipient (public, to send to the colleague), opens a bundle
 * (main decrypts and checks everything), lists what it holds and every conflict by label and
 * fingerprint with a choice each, then imports all or nothing. No secret reaches this page.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { CONFLICT_CHOICES, type BundleApplied, type BundlePreview, type ConflictChoice } from '../../../../shared/ipc/bundle-channels';
import { KIND_LABELS } from '../../../../shared/vault/credential-kinds';
import { api } from '../../api';
import { describeError } from './use-landscape-list';

const PGP_ACTION = { created: 'added', reused: 'already here', 'secret-added': 'now with its secret key' } as const;

const CHOICE_LABELS: Record<ConflictChoice, string> = { 'keep-both': 'Keep both', replace: 'Replace mine', skip: 'Skip (keep mine)' };

export function ReceiveBundle({ onClose }: { onClose: () => void }) {
  const [recipient, setRecipient] = useState<string | null>(null);
  const [path, setPath] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<BundlePreview | null>(null);
  const [choices, setChoices] = useState<Record<string, ConflictChoice>>({});
  const [done, setDone] = useState<BundleApplied | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void api.bundleIdentity().then((r) => (r.ok ? setRecipient(r.value.recipient) : setError(describeError(r))));
  }, []);
  async function choose() {
    const r = await api.chooseOpenPath({ title: 'Open an encrypted bundle', filters: [{ name: 'Encrypted bundle (age)', extensions: ['age'] }] });
    if (r.ok && r.value.path) setPath(r.value.path);
  }
  async function open(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const r = await api.openBundle(passphrase ? { path, passphrase } : { path });
    setBusy(false);
    if (!r.ok) return setError(describeError(r));
    setPassphrase('');
    setError(null);
    setDone(null);
    setPreview(r.value);
    setChoices({});
  }
  async function apply() {
    if (!preview) return;
    const r = await api.applyBundle({ token: preview.token, choices });
    if (!r.ok) return setError(describeError(r));
    setError(null);
    setPreview(null);
    setDone(r.value);
  }
  function close() {
    if (preview) void api.discardBundle({ token: preview.token });
    onClose();
  }
  const unresolved = preview ? [...preview.credentials, ...preview.landscapes].filter((x) => x.status === 'conflict' && !choices[x.key]).length : 0;
  const choice = (key: string, label: string, notAllowed: ConflictChoice[] = []) => (
    <select aria-label={`What to do with ${label}`} value={choices[key] ?? ''} onChange={(e) => setChoices({ ...choices, [key]: e.target.value as ConflictChoice })}>
      <option value="" disabled>Choose…</option>
      {CONFLICT_CHOICES.map((c) => (
        <option key={c} value={c} disabled={notAllowed.includes(c)}>{CHOICE_LABELS[c]}</option>
      ))}
    </select>
  );

  return (
    <section className="cred-form" aria-label="Receive from another laptop">
      <h3>Receive from another laptop</h3>
      <p className="cred-revealed">
        This laptop's recipient (send it to the colleague; it is public): <code data-testid="bundle-recipient">{recipient ?? '…'}</code>{' '}
        <button type="button" disabled={!recipient} onClick={() => void navigator.clipboard.writeText(recipient ?? '').then(() => setNotice('Recipient copied.'), () => setNotice('Copy failed; select the text instead.'))}>
          Copy
        </button>
      </p>
      {notice && <p role="status">{notice}</p>}
      <form aria-label="Open a bundle" onSubmit={(e) => void open(e)}>
        <label>Bundle file<input value={path} readOnly placeholder="choose the .age file" /></label>
        <button type="button" onClick={() => void choose()}>Choose file…</button>
        <label>Passphrase (only if the sender used one)<input type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} /></label>
        <button type="submit" disabled={busy || !path}>{busy ? 'Decrypting…' : 'Open and check'}</button>
      </form>
      {error && <p role="alert">{error}</p>}
      {preview && (
        <div data-testid="bundle-preview" className="cred-revealed">
          <p>Nothing is written until you import. {preview.conflicts ? `${preview.conflicts} conflict(s) need a choice.` : 'No conflicts.'}</p>
          <table className="cred-table">
            <thead><tr><th>In the bundle</th><th>Fingerprint</th><th>Here</th></tr></thead>
            <tbody>
              {preview.landscapes.map((l) => (
                <tr key={l.key}>
                  <td>Landscape “{l.name}” ({l.systems} systems, {l.pathways} pathways)</td>
                  <td />
                  <td>{l.status === 'conflict' ? <>{l.reason} {choice(l.key, l.name)}</> : 'New'}</td>
                </tr>
              ))}
              {preview.credentials.map((c) => (
                <tr key={c.key}>
                  <td>“{c.label}” ({KIND_LABELS[c.kind]})</td>
                  <td><code>{c.fingerprint ?? '—'}</code></td>
                  <td>
                    {c.status === 'new' && 'New'}
                    {c.status === 'same' && `Identical to “${c.local?.label}” here: reused`}
                    {c.status === 'conflict' && <>{c.reason} Here: “{c.local?.label}” <code>{c.local?.fingerprint ?? '—'}</code> {choice(c.key, c.label, c.notAllowed)}</>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="cred-actions">
            <button type="button" disabled={unresolved > 0} onClick={() => void apply()}>Import all</button>
            <button type="button" onClick={close}>Cancel</button>
          </div>
        </div>
      )}
      {done && (
        <div role="status" data-testid="bundle-received">
          <p>Imported: {done.landscapes.map((l) => `“${l.name}” ${l.action}`).join(', ')}; {done.credentials.length} credential(s) ({done.credentials.filter((c) => c.action === 'created').length} new).</p>
          {!!done.pgpKeys?.length && <p>PGP keys: {done.pgpKeys.map((k) => `“${k.label}” ${PGP_ACTION[k.action]}`).join(', ')}.</p>}
          {done.unresolved.map((u) => <p key={u.label}>No credential “{u.label}” came with the bundle or is here: link one in the pathway.</p>)}
        </div>
      )}
      {!preview && <button type="button" onClick={close}>Close</button>}
    </section>
  );
}
