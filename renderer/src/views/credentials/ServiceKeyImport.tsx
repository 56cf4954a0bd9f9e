/**
 * Paste a BTP service key. The pasted text is sent to main and cleared from the form right away;
 * the result shows what was created and what to fill on the inbound pathway.
 */
import { useState, type FormEvent } from 'react';
import type { ServiceKeyImportResult } from '../../../../shared/vault/credential-responses';
import { api } from '../../api';
import { ApplyServiceKey } from './ApplyServiceKey';

export function ServiceKeyImport({ onImported }: { onImported: () => void }) {
  const [text, setText] = useState('');
  const [result, setResult] = useState<ServiceKeyImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    await importFrom({ text });
    setText('');
  }

  async function chooseFile() {
    const chosen = await api.chooseOpenPath({ title: 'BTP service key', filters: [{ name: 'Service key', extensions: ['json', 'txt'] }] });
    if (chosen.ok && chosen.value.path) await importFrom({ path: chosen.value.path });
  }

  async function importFrom(request: { text: string } | { path: string }) {
    const r = await api.importServiceKey(request);
    if (!r.ok) {
      setResult(null);
      return setError(`${r.error.message}`);
    }
    setError(null);
    setResult(r.value);
    onImported();
  }

  return (
    <form className="cred-form" aria-labelledby="svc-key-title" onSubmit={(e) => void submit(e)}>
      <h2 id="svc-key-title">Import a BTP service key</h2>
      <label>
        Service key JSON
        <textarea value={text} onChange={(e) => setText(e.target.value)} rows={4} spellCheck={false} autoComplete="off" />
      </label>
      <div className="cred-actions">
        <button type="submit" disabled={text.trim().length < 2}>
          Import
        </button>
        <button type="button" onClick={() => void chooseFile()}>
          Import from file…
        </button>
      </div>
      {error && <p className="status status-error" role="alert">{error}</p>}
      {result && (
        <div data-testid="service-key-result">
          <p>Created: {result.created.map((c) => c.label).join(', ') || 'nothing'}.</p>
          <p>
            Inbound pathway: endpoint <code>{result.offer.endpointUrl}</code>, token URL <code>{result.offer.tokenUrl}</code>
          </p>
          <ApplyServiceKey result={result} />
          {result.notes.map((n) => (
            <p key={n} className="muted">
              {n}
            </p>
          ))}
        </div>
      )}
    </form>
  );
}
