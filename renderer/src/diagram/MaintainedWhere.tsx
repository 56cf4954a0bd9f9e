import { useEffect, useState } from 'react';
import { PLACE_LABELS, type PathwayView, type Place } from '../../../shared/landscape';

/**
 * "Maintained where": the model's ordered steps grouped by place (BTP cockpit, CI Monitor, the
 * peer), each with the access rights the place needs; every step can be ticked and the tick is
 * saved with the pathway.
 */
export function MaintainedWhere({ view, peerName, onTick }: { view: PathwayView; peerName: string; onTick: (stepId: string, done: boolean) => Promise<unknown> }) {
  // Shown at once, before main answers; the saved view replaces it when it arrives.
  const [optimistic, setOptimistic] = useState<Record<string, boolean>>({});
  useEffect(() => setOptimistic({}), [view]);
  let index = 0;
  const placeTitle = (place: Place) => (place === 'peer-system' ? peerName : PLACE_LABELS[place]);
  return (
    <section aria-labelledby="maintained-title" data-testid="maintained-where">
      <h3 id="maintained-title">Maintained where</h3>
      {view.steps.length === 0 && <p>No steps: the pathway has no direction yet.</p>}
      {view.maintainedAt.map((place) => {
        const steps = view.steps.filter((s) => s.place === place);
        const start = index + 1;
        index += steps.length;
        const rights = view.accessRights[place] ?? [];
        return (
          <div key={place} data-place={place}>
            <h4>{placeTitle(place)}</h4>
            {rights.length > 0 && (
              <ul className="access-rights" aria-label={`Access rights needed in ${placeTitle(place)}`}>
                {rights.map((r) => (
                  <li key={r}>Needs: {r}</li>
                ))}
              </ul>
            )}
            <ol className="checklist" start={start}>
              {steps.map((s) => (
                <li key={s.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={optimistic[s.id] ?? s.done}
                      onChange={(e) => {
                        const done = e.target.checked;
                        setOptimistic((o) => ({ ...o, [s.id]: done }));
                        // A refused tick falls back to what main has (the parent shows the error).
                        void onTick(s.id, done).then((error) => {
                          if (error) setOptimistic((o) => ({ ...o, [s.id]: s.done }));
                        });
                      }}
                    />
                    <span>
                      <span className={(optimistic[s.id] ?? s.done) ? 'done' : undefined}>{s.title}</span>
                      <span className="detail">{s.detail}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ol>
          </div>
        );
      })}
    </section>
  );
}
