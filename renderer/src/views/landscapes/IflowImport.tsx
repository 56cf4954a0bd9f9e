/**
 * "Import integration flows…": choose iFlow or package exports, preview what they add (a table of
 * pathways, each linked to its iFlow and adapter; the security material by name), then import all
 * or nothing. Into the open landscape (from the diagram) or a new one (from the picker).
 */
import { useState } from 'react';
import type { IflowImportResult } from '../../../../shared/iflow/import-result';
import { api } from '../../api';
import { IflowPreview } from './IflowPreview';

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
    const count = r.value.pathways.filter((p) => p.action === 'add' || p.action === 'update').length;
    setDone(r.value.landscape.changed ? `Imported into “${r.value.landscape.name}”: ${count} pathway${count === 1 ? '' : 's'} added or changed.` : `“${r.value.landscape.name}” already holds these integration flows: nothing changed.`);
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
