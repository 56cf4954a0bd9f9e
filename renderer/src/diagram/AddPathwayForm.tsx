import { useState } from 'react';
import { TENANT_ID, deriveDirection, findSystemKind, validAdapters, validAuthMethods, type Landscape, type Protocol } from '../../../shared/landscape';
import type { NewPathway } from '../../../shared/landscape/patch-schemas';
import type { AppErrorData } from '../../../shared/result';

/** A new pathway's defaults: the peer's first protocol, then the first adapter and method valid for it. */
export function newPathwayBetween(landscape: Landscape, from: string, to: string): NewPathway | null {
  const direction = deriveDirection({ from, to });
  if (!direction) return null;
  const peer = landscape.systems.find((s) => s.id === (direction === 'inbound' ? from : to));
  const protocols = (findSystemKind(peer?.kind ?? '')?.protocols ?? ['https']) as Protocol[];
  const protocol = protocols.find((p) => validAuthMethods(p, direction).length > 0) ?? 'https';
  return { from, to, protocol, adapter: validAdapters(protocol)[0]!, auth: validAuthMethods(protocol, direction)[0]! };
}

/** Pick the two ends; the direction follows (to the tenant = inbound, from it = outbound). */
export function AddPathwayForm({ landscape, onAdd, onCancel }: { landscape: Landscape; onAdd: (p: NewPathway) => Promise<AppErrorData | null>; onCancel: () => void }) {
  const ends = [{ id: TENANT_ID, name: landscape.tenant.name || 'Cloud Integration' }, ...landscape.systems.map((s) => ({ id: s.id, name: s.name }))];
  const [from, setFrom] = useState(landscape.systems[0]?.id ?? TENANT_ID);
  const [to, setTo] = useState(TENANT_ID);
  const [error, setError] = useState<string | null>(null);
  const direction = deriveDirection({ from, to });
  const draft = newPathwayBetween(landscape, from, to);
  return (
    <form
      className="edit-form"
      aria-label="Add a pathway"
      onSubmit={(e) => {
        e.preventDefault();
        if (!draft) return;
        void onAdd(draft).then((err) => setError(err ? err.message : null));
      }}
    >
      <label htmlFor="add-pathway-from">From</label>
      <select id="add-pathway-from" value={from} onChange={(e) => setFrom(e.target.value)}>
        {ends.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
      </select>
      <label htmlFor="add-pathway-to">To</label>
      <select id="add-pathway-to" value={to} onChange={(e) => setTo(e.target.value)}>
        {ends.map((x) => <option key={x.id} value={x.id}>{x.name}</option>)}
      </select>
      <output aria-live="polite" data-testid="new-direction">
        {direction ? `Direction: ${direction}` : 'One end must be Cloud Integration and the other a system.'}
      </output>
      <button type="submit" disabled={!draft}>
        Add pathway
      </button>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
      {error && <span className="error-text" role="alert">{error}</span>}
    </form>
  );
}
