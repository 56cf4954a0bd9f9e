/**
 * The landscape picker: list the landscapes, create one from a template with a name, rename,
 * duplicate, and delete (after an explicit confirmation). Selection is the parent's business.
 */
import { useState } from 'react';
import type { LandscapeSummary } from '../../../../shared/landscape';
import { api } from '../../api';
import { useLandscapeList } from './use-landscape-list';
import { SendBundle } from './SendBundle';
import { ReceiveBundle } from './ReceiveBundle';
import { IflowImport } from './IflowImport';

type Editing = { id: string; mode: 'rename' | 'duplicate' | 'delete'; value: string } | null;

export interface LandscapePickerProps {
  selectedId?: string | null;
  onSelect?: (id: string | null) => void;
}

export function LandscapePicker({ selectedId = null, onSelect }: LandscapePickerProps) {
  const { list, templates, error, run } = useLandscapeList();
  const [templateId, setTemplateId] = useState('s4-sscv2');
  const [name, setName] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [bundle, setBundle] = useState<'send' | 'receive' | null>(null);

  async function create() {
    const d = await run(() => api.createLandscape({ templateId, name: name.trim() }));
    if (d) {
      setName('');
      onSelect?.(d.landscape.id);
    }
  }

  async function confirm(l: LandscapeSummary) {
    if (!editing) return;
    if (editing.mode === 'rename') {
      if (await run(() => api.renameLandscape({ landscapeId: l.id, name: editing.value.trim() }))) setEditing(null);
    } else if (editing.mode === 'duplicate') {
      const d = await run(() => api.duplicateLandscape({ landscapeId: l.id, name: editing.value.trim() }));
      if (d) {
        setEditing(null);
        onSelect?.(d.landscape.id);
      }
    } else if (await run(() => api.deleteLandscape({ landscapeId: l.id }))) {
      setEditing(null);
      if (selectedId === l.id) onSelect?.(null);
    }
  }

  return (
    <section className="landscape-picker" aria-label="Landscapes">
      <h2>Landscapes</h2>
      {list === null ? (
        <p>Loading…</p>
      ) : list.length === 0 ? (
        <p className="muted">No landscapes yet. Create one from a template below.</p>
      ) : (
        <ul aria-label="Landscape list">
          {list.map((l) => (
            <li key={l.id}>
              <button type="button" aria-pressed={l.id === selectedId} onClick={() => onSelect?.(l.id)}>
                {l.name}
              </button>
              <span className="muted">
                {' '}
                {l.stage} · {l.systems} systems · {l.pathways} pathways
              </span>
              {editing?.id === l.id ? (
                <form
                  aria-label={`${editing.mode} ${l.name}`}
                  onSubmit={(e) => {
                    e.preventDefault();
                    void confirm(l);
                  }}
                >
                  {editing.mode === 'delete' ? (
                    <span role="status">Delete “{l.name}” and all its pathways? This cannot be undone.</span>
                  ) : (
                    <input
                      aria-label={editing.mode === 'rename' ? 'New name' : 'Name of the copy'}
                      value={editing.value}
                      onChange={(e) => setEditing({ ...editing, value: e.target.value })}
                      required
                    />
                  )}
                  <button type="submit">{editing.mode === 'delete' ? 'Delete' : editing.mode === 'rename' ? 'Save name' : 'Create copy'}</button>
                  <button type="button" onClick={() => setEditing(null)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <span>
                  <button type="button" aria-label={`Rename ${l.name}`} onClick={() => setEditing({ id: l.id, mode: 'rename', value: l.name })}>
                    Rename
                  </button>
                  <button type="button" aria-label={`Duplicate ${l.name}`} onClick={() => setEditing({ id: l.id, mode: 'duplicate', value: `${l.name} (copy)` })}>
                    Duplicate
                  </button>
                  <button type="button" aria-label={`Delete ${l.name}`} onClick={() => setEditing({ id: l.id, mode: 'delete', value: '' })}>
                    Delete…
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label="Create a landscape"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <label htmlFor="picker-template">Template</label>
        <select id="picker-template" value={templateId} onChange={(e) => setTemplateId(e.target.value)}>
          {templates.map((t) => (
            <option key={t.id} value={t.id}>
              {t.label}
            </option>
          ))}
        </select>
        <label htmlFor="picker-name">Name</label>
        <input id="picker-name" value={name} onChange={(e) => setName(e.target.value)} required />
        <button type="submit">Create</button>
      </form>
      <IflowImport onImported={(id) => onSelect?.(id)} />
      {error && <p role="alert">{error}</p>}
      <div className="cred-actions">
        <button type="button" disabled={!list?.length} onClick={() => setBundle('send')}>Send to another laptop…</button>
        <button type="button" onClick={() => setBundle('receive')}>Receive…</button>
      </div>
      {bundle === 'send' && list && <SendBundle list={list} selectedId={selectedId} onClose={() => setBundle(null)} />}
      {bundle === 'receive' && <ReceiveBundle onClose={() => setBundle(null)} />}
    </section>
  );
}
