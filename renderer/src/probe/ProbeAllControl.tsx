/**
 * "Probe all" with its progress: one button for every pathway of the landscape (it becomes
 * "Cancel all" in the same slot while running), a progress bar and the count in a fixed-width
 * area, so the toolbar never reflows. `onEdgeStates` hands the edge states to the diagram, whose
 * edges show each pathway's verdict as it arrives.
 */
import { useEffect } from 'react';
import type { EdgeState } from '../../../shared/probe/edge-state';
import { useProbeAll } from './use-probe-all';
import './probe.css';

export function ProbeAllControl({ landscapeId, onEdgeStates }: { landscapeId: string; onEdgeStates?: (states: Record<number, EdgeState>) => void }) {
  const { state, start, cancelAll } = useProbeAll(landscapeId);
  useEffect(() => onEdgeStates?.(state.edgeStates), [onEdgeStates, state.edgeStates]);
  const verdicts = Object.values(state.live);
  const failed = verdicts.filter((v) => v === 'failed' || v === 'timed-out').length;
  const warned = verdicts.filter((v) => v === 'warning').length;
  return (
    <div className="probe-all" data-testid="probe-all">
      <span className="probe-all-slot">
        {state.running ? (
          <button type="button" onClick={() => void cancelAll()}>
            Cancel all
          </button>
        ) : (
          <button type="button" className="btn-primary" onClick={() => void start()}>
            Probe all
          </button>
        )}
      </span>
      <span className="probe-all-progress">
        {state.total > 0 && (
          <progress max={state.total} value={state.done} aria-label="Probe all progress">
            {state.done}/{state.total}
          </progress>
        )}
        <span className="probe-meta" role="status">
          {state.total > 0 ? `${state.done} of ${state.total} probed` : ''}
        </span>
        {!state.running && state.done > 0 && (
          <span className={failed ? 'error-text' : warned ? 'warning-text' : 'ok-text'} data-testid="probe-all-summary">
            {failed ? `✖ ${failed} failed` : warned ? `⚠ ${warned} with warnings` : '✓ all passed'}
          </span>
        )}
      </span>
      {state.error && (
        <span role="alert" className="error-text">
          {state.error}
        </span>
      )}
    </div>
  );
}
