/**
 * Step 4: the PKCS#12 for Keystore → Add → Key Pair, written to a path chosen in the native save
 * dialog (main refuses any other path). The password is generated in main and kept in the vault.
 */
import { useState, type FormEvent } from 'react';
import type { P12ExportResult } from '../../../../shared/certs/material-responses';
import { checkKeystoreAlias } from '../../../../shared/certs/keystore-rules';
import { api } from '../../api';

export function ExportStep({ keyId, defaultAlias }: { keyId: string; defaultAlias: string }) {
  const [alias, setAlias] = useState(defaultAlias);
  const [path, setPath] = useState('');
  const [legacy, setLegacy] = useState(false);
  const [result, setResult] = useState<P12ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const aliasProblems = checkKeystoreAlias(alias);

  async function choose() {
    const r = await api.chooseSavePath({ title: 'Save PKCS#12 for the Cloud Integration keystore', defaultName: `${alias}.p12`, filters: [{ name: 'PKCS#12', extensions: ['p12', 'pfx'] }] });
    if (r.ok && r.value.path) setPath(r.value.path);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const r = await api.exportPkcs12({ key: keyId, alias, path, legacy });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setResult(r.value);
  }

  return (
    <form className="cred-form" aria-label="4. Export PKCS#12" onSubmit={(e) => void submit(e)}>
      <h3>4. Export PKCS#12</h3>
      <label>Alias<input value={alias} onChange={(e) => setAlias(e.target.value)} aria-invalid={aliasProblems.length > 0} /></label>
      {aliasProblems.map((p) => <p key={p} role="alert">{p}</p>)}
      <label>File<input value={path} readOnly placeholder="choose where to save" /></label>
      <button type="button" onClick={() => void choose()}>Choose file…</button>
      <label><input type="checkbox" checked={legacy} onChange={(e) => setLegacy(e.target.checked)} /> Legacy encryption (3DES / RC2-40, for older systems)</label>
      <button type="submit" disabled={!path || aliasProblems.length > 0}>Export .p12</button>
      {error && <p role="alert">{error}</p>}
      {result && (
        <div role="status" data-testid="export-result">
          <p>Wrote {result.path} ({result.bytes} bytes, {result.encryption} encryption, alias {result.alias}).</p>
          <p>The password is in the vault (Credentials → reveal or copy). Upload: Monitor → Manage Security → Keystore → Add → Key Pair.</p>
        </div>
      )}
    </form>
  );
}
