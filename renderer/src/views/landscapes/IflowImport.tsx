/**
 * "Import integration flows…": choose iFlow or package exports, preview what they add (a table of
 * pathways, each linked to its iFlow and adapter; the security material by name), then import all
 * or nothing. Into the open landscape (from the diagram) or a new one (from the picker).
 */
import { useState } from 'react';
import type { IflowImportResult } from '../../../../shared/iflow/import-result';
import { AUTH_LABELS, type AuthMethod } from '../../../../shared/landscape/vocabulary';
import { api } from '../../api';

const ACTION_TEXT = { add: 'New', update: 'Changed', unchanged: 'Unchanged', gone: 'No longer in its iFlow (kept)' } as const;
const STATUS_TEXT = { prepared: '✓ Prepared in the vault', missing: '○ Missing', conflict: '⚠ Conflict' } as const;

export interface IflowImportProps {
  /** Import into this landscape; without it the user names a new one. */
  landscapeId?: string;
  landscapeName?: string;
  onImported?: (landscapeId: string) => void;
  /** Open at once (the diagram's toolbar button opens it); Close then calls onClose. */
  startOpen?: boolean;
  onClose?: () => void;
}

export function IflowImport({ landscapeId, landscapeName, onImported, startOpen = false, onClose }: IflowImportProps) {
  const [open, setOpen] = useState(startOpen);
  const [paths, setPaths] = useState<string[]>([]);
  const [newName, setNewName] = useState('');
  const [preview, setPreview] = useState<IflowImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const addFile = async () => {
    const r = await api.chooseOpenPath({ title: 'Integration flow or package export', filters: [{ name: 'iFlow or package export', extensions: ['zip', 'iflw'] }] });
    if (!r.ok) return setError(r.error.message);
    const chosen = r.value.path;
    if (chosen && !paths.includes(chosen)) setPaths([...paths, chosen]);
    setPreview(null);
  };
  const run = async (dryRun: boolean) => {
    setError(null);
    setDone(null);
    const target = landscapeId ? { landscapeId } : { newName: newName.trim() };
    const r = await api.importIflows({ paths, dryRun, ...target });
    if (!r.ok) return setError(r.error.message);
    if (dryRun) return setPreview(r.value);
    setPreview(null);
    setPaths([]);
    setDone(`Imported into “${r.value.landscape.name}”: ${r.value.pathways.filter((p) => p.action !== 'unchanged').length} pathways added or changed.`);
    onImported?.(r.value.landscape.id);
  };

  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)} aria-expanded={false}>
        Import integration flows…
      </button>
    );
  }
  return (
    <section className="section iflow-import" aria-label="Import integration flows">
      <h3>Import integration flows {landscapeName ? `into “${landscapeName}”` : 'as a new landscape'}</h3>
      <p className="muted">Exports from Cloud Integration’s Design view: an integration flow (.zip), a whole package (.zip) or a bare .iflw.</p>
      <ul aria-label="Chosen files">
        {paths.map((p) => (
          <li key={p}>
            {p}{' '}
            <button type="button" className="btn-secondary" aria-label={`Remove ${p}`} onClick={() => { setPaths(paths.filter((x) => x !== p)); setPreview(null); }}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void addFile()}>Add file…</button>
      {!landscapeId && (
        <label>
          Name of the new landscape{' '}
          <input value={newName} onChange={(e) => { setNewName(e.target.value); setPreview(null); }} />
        </label>
      )}
      <div className="panel-actions">
        <button type="button" disabled={!paths.length || (!landscapeId && !newName.trim())} onClick={() => void run(true)}>Preview</button>
        <button type="button" className="btn-primary" disabled={!preview} onClick={() => void run(false)}>Import</button>
        <button type="button" className="btn-secondary" onClick={() => { setOpen(false); setPreview(null); setError(null); onClose?.(); }}>Close</button>
      </div>
      {error && <p className="status status-error" role="alert">{error}</p>}
      {done && <p className="status status-ok" role="status">{done}</p>}
      {preview && <IflowPreview result={preview} />}
    </section>
  );
}

function IflowPreview({ result }: { result: IflowImportResult }) {
  return (
    <>
      <table className="cred-table" aria-label="Pathways from the integration flows">
        <thead>
          <tr><th>#</th><th>Change</th><th>Route</th><th>Protocol</th><th>Authentication</th><th>Credential / alias</th><th>From iFlow → adapter</th></tr>
        </thead>
        <tbody>
          {result.pathways.map((p) => (
            <tr key={p.number}>
              <td>{p.number}</td>
              <td>{ACTION_TEXT[p.action]}{p.changes.map((c) => <div key={c.field} className="muted">{c.field}: {c.before || '—'} → {c.after || '—'}</div>)}</td>
              <td>{p.route}</td>
              <td>{p.protocol.toUpperCase()}{p.probed ? '' : ' (not probed)'}</td>
              <td>{AUTH_LABELS[p.auth as AuthMethod] ?? p.auth}</td>
              <td>{[p.credentialName, p.keystoreAlias].filter(Boolean).join(' / ') || '—'}</td>
              <td>{p.sources.map((s) => <div key={`${s.iflow}/${s.adapter}`}>{s.iflow} → {s.adapter} ({s.type})</div>)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.material.length > 0 && (
        <table className="cred-table" aria-label="Security material by name">
          <thead><tr><th>Name</th><th>Create in Monitor → Manage Security</th><th>Status</th></tr></thead>
          <tbody>
            {result.material.map((m) => (
              <tr key={`${m.name}/${m.kind}`}><td>{m.name}</td><td>{m.needs}</td><td>{STATUS_TEXT[m.status]}<div className="muted">{m.detail}</div></td></tr>
            ))}
          </tbody>
        </table>
      )}
      {result.internal.length > 0 && <p className="muted">Internal to the tenant, not pathways: {result.internal.map((i) => `${i.iflow} → ${i.adapter} (${i.type})`).join('; ')}</p>}
      {result.findings.length > 0 && (
        <ul aria-label="Import findings">
          {result.findings.map((f, i) => <li key={i} className={f.severity === 'warning' ? 'warning-text' : undefined}>{f.iflow} → {f.adapter}: {f.message}</li>)}
        </ul>
      )}
    </>
  );
}
