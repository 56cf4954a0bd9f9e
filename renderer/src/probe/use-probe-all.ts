/**
 * "Probe all" for a landscape: starts every pathway, follows their progress, and keeps the edge
 * state per pathway (from history, then live) so the diagram can colour its edges.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { EdgeState } from '../../../shared/probe/edge-state';
import type { Verdict } from '../../../shared/probe/probe-types';
import { api } from '../api';

export interface ProbeAllState {
  running: boolean;
  total: number;
  done: number;
  /** Per pathway number: the live verdict of this run, or 'running'. */
  live: Record<number, Verdict | 'running'>;
  edgeStates: Record<number, EdgeState>;
  error: string | null;
}

export function useProbeAll(landscapeId: string) {
  const [state, setState] = useState<ProbeAllState>({ running: false, total: 0, done: 0, live: {}, edgeStates: {}, error: null });
  const ids = useRef(new Map<string, number>());

  const refreshEdges = useCallback(async () => {
    const r = await api.probeEdgeStates({ landscapeId });
    if (r.ok) setState((s) => ({ ...s, edgeStates: r.value.states }));
  }, [landscapeId]);

  useEffect(() => {
    void refreshEdges();
    return api.onProbeProgress((p) => {
      const n = ids.current.get(p.probeId);
      if (n === undefined) {
        // A single probe (the direction panel's): its edge changes at once, not at the next Probe all.
        if (p.result && p.landscapeId === landscapeId) void refreshEdges();
        return;
      }
      setState((s) => {
        if (!p.result) return s.live[n] === 'running' ? s : { ...s, live: { ...s.live, [n]: 'running' } };
        const done = s.done + 1;
        return { ...s, done, running: done < s.total, live: { ...s.live, [n]: p.result.verdict } };
      });
      if (p.result) void refreshEdges();
    });
  }, [landscapeId, refreshEdges]);

  const start = useCallback(async () => {
    const r = await api.startAllProbes({ landscapeId });
    if (!r.ok) return setState((s) => ({ ...s, error: r.error.message }));
    ids.current = new Map(r.value.probes.map((p) => [p.probeId, p.pathwayNumber]));
    setState((s) => ({ ...s, running: r.value.probes.length > 0, total: r.value.probes.length, done: 0, live: {}, error: null }));
  }, [landscapeId]);

  const cancelAll = useCallback(async () => {
    await api.cancelAllProbes();
  }, []);

  return { state, start, cancelAll };
}
