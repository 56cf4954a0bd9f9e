/**
 * One pathway's probe in the renderer: start, cancel, the steps as they arrive, the result, and the
 * last result from history (evidence survives reloads). Only secret-free data ever gets here.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProbeHistoryEntry } from '../../../shared/ipc/probe-channels';
import type { ProbeResult, ProbeStep } from '../../../shared/probe/probe-types';
import { api } from '../api';

export interface ProbeState {
  running: boolean;
  probeId: string | null;
  steps: ProbeStep[];
  result: ProbeResult | ProbeHistoryEntry | null;
  error: string | null;
}

const idle: ProbeState = { running: false, probeId: null, steps: [], result: null, error: null };

function mergeStep(steps: ProbeStep[], step: ProbeStep): ProbeStep[] {
  const i = steps.findIndex((s) => s.id === step.id && s.startedMs === step.startedMs);
  if (i === -1) return [...steps, step];
  const next = [...steps];
  next[i] = step;
  return next;
}

export function useProbe(landscapeId: string, pathwayId: string) {
  const [state, setState] = useState<ProbeState>(idle);
  const probeIdRef = useRef<string | null>(null);

  useEffect(() => {
    setState(idle);
    probeIdRef.current = null;
    let live = true;
    void api.probeHistory({ landscapeId, pathwayId }).then((r) => {
      if (live && r.ok && r.value.entries[0]) setState((s) => (s.running || s.result ? s : { ...s, result: r.value.entries[0] ?? null }));
    });
    const off = api.onProbeProgress((p) => {
      if (p.probeId !== probeIdRef.current) return;
      setState((s) => {
        if (p.result) return { ...s, running: false, steps: p.result.steps, result: p.result };
        return p.step ? { ...s, steps: mergeStep(s.steps, p.step) } : s;
      });
    });
    return () => {
      live = false;
      off();
    };
  }, [landscapeId, pathwayId]);

  const start = useCallback(async () => {
    setState({ ...idle, running: true });
    const r = await api.startProbe({ landscapeId, pathwayId });
    if (!r.ok) return setState({ ...idle, error: r.error.message });
    probeIdRef.current = r.value.probeId;
    setState((s) => ({ ...s, probeId: r.value.probeId }));
  }, [landscapeId, pathwayId]);

  const cancel = useCallback(async () => {
    if (probeIdRef.current) await api.cancelProbe({ probeId: probeIdRef.current });
  }, []);

  return { state, start, cancel };
}
