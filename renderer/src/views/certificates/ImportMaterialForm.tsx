/**
 * Imports what the customer sends: a PKCS#12 (.p12/.pfx, with its password) or a PEM file holding
 * the certificate chain and its private key. The file is chosen in the native dialog and read by
 * main; the private key goes straight to the keychain; the password is sent once and cleared.
 */
import { useState, type FormEvent } from 'react';
import { api } from '../../api';
import { StatusLine } from '../../components/StatusLine';
import { useTransientStatus } from '../../components/use-transient-status';

type Format = 'p12' | 'pem';

export function ImportMaterialForm({ onImported }: { onImported: () => void }) {
  const [format, setFormat] = useState<Format>('p12');
  const [label, setLabel] = useState('');
  const [path, setPath] = useState('');
  const [password, setPassword] = useState('');
  const { status, show } = useTransientStatus();

  async function choose() {
    const r = await api.chooseOpenPath({
      title: format === 'p12' ? 'PKCS#12 from the customer' : 'PEM certificate with its private key',
      filters: format === 'p12' ? [{ name: 'PKCS#12', extensions: ['p12', 'pfx'] }] : [{ name: 'PEM', extensions: ['pem', 'crt', 'key', 'txt'] }],
    });
    if (r.ok && r.value.path) setPath(r.value.path);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r =
      format === 'p12'
        ? await api.importPkcs12File({ path, password, label })
        : await api.importCertificateFile({ path, label, ...(password ? { passphrase: password } : {}) });
    setPassword('');
    if (!r.ok) return show('error', r.error.message);
    setPath('');
    setLabel('');
    show('ok', `Imported “${label}”: the private key is in the keychain, the certificate chain is listed above.`);
    onImported();
  }

  return (
    <form className="cred-form" aria-labelledby="import-material-title" onSubmit={(e) => void submit(e)}>
      <h2 id="import-material-title">Import a certificate with its key</h2>
      <fieldset className="cred-options">
        <legend>Format</legend>
        <label>
          <input type="radio" name="import-format" checked={format === 'p12'} onChange={() => setFormat('p12')} /> PKCS#12 (.p12, .pfx)
        </label>
        <label>
          <input type="radio" name="import-format" checked={format === 'pem'} onChange={() => setFormat('pem')} /> PEM certificate + private key
        </label>
      </fieldset>
      <label>
        Label <input value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={200} />
      </label>
      <div className="cred-actions">
        <input aria-label="File" value={path} readOnly placeholder="no file chosen" />
        <button type="button" onClick={() => void choose()}>
          Choose file…
        </button>
      </div>
      <label>
        {format === 'p12' ? 'PKCS#12 password' : 'Key passphrase (if the key is encrypted)'}
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
      </label>
      <div className="cred-actions">
        <button type="submit" disabled={!path || !label.trim()}>
          Import
        </button>
      </div>
      <StatusLine status={status} />
    </form>
  );
}
