/**
 * "Probe all" with its progress: one button for every pathway of the landscape, a progress bar,
 * Cancel all, and the verdict per pathway. `onEdgeStates` hands the edge states to the diagram.
 */
import { useEffect } from 'react';
import type { EdgeState } from '../../../shared/probe/edge-state';
import { useProbeAll } from './use-probe-all';
import './probe.css';

export function ProbeAllControl({ landscapeId, onEdgeStates }: { landscapeId: string; onEdgeStates?: (states: Record<number, EdgeState>) => void }) {
  const { state, start, cancelAll } = useProbeAll(landscapeId);
  useEffect(() => onEdgeStates?.(state.edgeStates), [onEdgeStates, state.edgeStates]);
  const numbers = Object.keys(state.live).map(Number).sort((a, b) => a - b);
  return (
    <div className="probe-all" data-testid="probe-all">
      <button type="button" onClick={() => void start()} disabled={state.running}>
        Probe all
      </button>
      {state.running && (
        <button type="button" onClick={() => void cancelAll()}>
          Cancel all
        </button>
      )}
      {state.total > 0 && (
        <progress max={state.total} value={state.done} aria-label="Probe all progress">
          {state.done}/{state.total}
        </progress>
      )}
      {state.total > 0 && <span className="probe-meta" role="status">{state.done} of {state.total} probed</span>}
      {numbers.length > 0 && (
        <ul className="probe-all-list" aria-label="Probe all results">
          {numbers.map((n) => (
            <li key={n} data-pathway={n} data-verdict={state.live[n]}>
              {n}: {state.live[n]}
            </li>
          ))}
        </ul>
      )}
      {state.error && <p role="alert">{state.error}</p>}
    </div>
  );
}
