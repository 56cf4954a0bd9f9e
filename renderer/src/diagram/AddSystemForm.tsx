import { useState } from 'react';
import { SYSTEM_KINDS, type SystemKindId } from '../../../shared/landscape';
import type { NewSystem } from '../../../shared/landscape/patch-schemas';
import type { AppErrorData } from '../../../shared/result';

/** Adds a system from the catalogue; the kind decides its side of the diagram. */
export function AddSystemForm({ onAdd, onCancel }: { onAdd: (s: NewSystem) => Promise<AppErrorData | null>; onCancel: () => void }) {
  const [kind, setKind] = useState<SystemKindId>(SYSTEM_KINDS[0]!.id);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const label = SYSTEM_KINDS.find((k) => k.id === kind)?.label ?? kind;
  return (
    <form
      className="edit-form"
      aria-label="Add a system"
      onSubmit={(e) => {
        e.preventDefault();
        void onAdd({ kind, name: name.trim() || label }).then((err) => setError(err ? err.message : null));
      }}
    >
      <label htmlFor="add-system-kind">System from the catalogue</label>
      <select id="add-system-kind" value={kind} onChange={(e) => setKind(e.target.value as SystemKindId)}>
        {SYSTEM_KINDS.map((k) => (
          <option key={k.id} value={k.id}>
            {k.label} ({k.location === 'customer-landscape' ? 'customer landscape' : 'cloud'})
          </option>
        ))}
      </select>
      <label htmlFor="add-system-name">Name</label>
      <input id="add-system-name" value={name} placeholder={label} onChange={(e) => setName(e.target.value)} />
      <button type="submit">Add system</button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && <span className="error-text" role="alert">{error}</span>}
    </form>
  );
}
