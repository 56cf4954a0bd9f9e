import { useCallback, useEffect, useMemo, useState } from 'react';
import { STAGES, STAGE_LABELS, type Landscape, type Stage } from '../../../shared/landscape';
import { EmptyState } from '../components/EmptyState';
import { createApiLandscapeClient } from '../diagram/api-landscape-client';
import { LandscapeDiagram } from '../diagram/LandscapeDiagram';
import { LandscapePicker } from './landscapes/LandscapePicker';
import { api } from '../api';

const SELECTED_KEY = 'landscape-setup.selected-landscape';

/** Remembers the open landscape across reloads (an id, not data: the data stays in main). */
function rememberSelection(id: string | null) {
  try {
    if (id) localStorage.setItem(SELECTED_KEY, id);
    else localStorage.removeItem(SELECTED_KEY);
  } catch {
    // Storage unavailable: the first landscape opens instead.
  }
}

function storedSelection(): string | null {
  try {
    return localStorage.getItem(SELECTED_KEY);
  } catch {
    return null;
  }
}

/** The main screen: pick a landscape, see it drawn, open any direction. */
export function LandscapeView() {
  const client = useMemo(() => createApiLandscapeClient(), []);
  // Load the remembered landscape at once, in parallel with the list (one IPC round trip, not two).
  const [selectedId, setSelectedId] = useState<string | null | undefined>(() => storedSelection() ?? undefined);
  const [landscape, setLandscape] = useState<Landscape | null>(null);
  const [error, setError] = useState<string | null>(null);
  const selectFirst = useCallback(async () => {
    const r = await api.listLandscapes();
    if (!r.ok) return setError(r.error.message);
    setSelectedId((current) => (current && r.value.some((l) => l.id === current) ? current : (r.value[0]?.id ?? null)));
  }, []);
  const load = useCallback(
    async (id: string) => {
      const r = await client.get(id);
      if (r.ok) setLandscape(r.value);
      // A remembered landscape that is gone: the list picks another one.
      else if (r.error.code !== 'NOT_FOUND') setError(r.error.message);
    },
    [client],
  );
  useEffect(() => {
    void selectFirst();
  }, [selectFirst]);
  useEffect(() => {
    if (selectedId === undefined) return;
    rememberSelection(selectedId);
    setError(null);
    if (selectedId) void load(selectedId);
    else setLandscape(null);
  }, [load, selectedId]);
  // Another view or window changed this landscape (renamed, deleted): follow it.
  useEffect(
    () =>
      api.onLandscapesChanged(({ landscapeId, change }) => {
        if (landscapeId !== selectedId) return;
        if (change === 'removed') void selectFirst();
        else void load(landscapeId);
      }),
    [load, selectFirst, selectedId],
  );
  const onChanged = useCallback((l: Landscape) => setLandscape(l), []);
  const setStage = async (stage: Stage) => {
    if (!landscape) return;
    const r = await api.updateLandscape({ landscapeId: landscape.id, patch: { stage } });
    if (r.ok) setLandscape(r.value.landscape);
    else setError(r.error.message);
  };
  const shown = landscape && landscape.id === selectedId ? landscape : null;
  const picker = (
    <section className="section landscape-picker-section">
      <LandscapePicker selectedId={selectedId ?? null} onSelect={(id) => setSelectedId(id)} />
    </section>
  );
  return (
    <section className="landscape-view" aria-labelledby="landscape-title">
      <div className="landscape-header">
        <h1 id="landscape-title">{shown ? shown.name : 'Landscape'}</h1>
        {shown && (
          <label className={`stage-badge ${shown.stage}`}>
            Stage
            <select value={shown.stage} onChange={(e) => void setStage(e.target.value as Stage)}>
              {STAGES.map((s) => (
                <option key={s} value={s}>
                  {STAGE_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        )}
        {error && <p className="status status-error" role="alert">{error}</p>}
      </div>
      {/* No landscape yet: the picker is the first thing to use; otherwise it follows the diagram. */}
      {selectedId === null && picker}
      {shown ? (
        <LandscapeDiagram key={shown.id} landscape={shown} client={client} onChanged={onChanged} />
      ) : (
        selectedId === null && (
          <EmptyState title="No landscape open">
            A landscape is the Cloud Integration tenant and the systems around it. Create one from a template above to see it drawn.
          </EmptyState>
        )
      )}
      {selectedId !== null && picker}
    </section>
  );
}
