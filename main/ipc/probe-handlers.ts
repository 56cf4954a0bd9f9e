/**
 * The probes' IPC handlers: start returns at once, progress (steps, then the redacted result) goes
 * to the renderer through ctx.emit('probe:progress').
 */
import type { HandlersFor } from '../../shared/ipc/contract';
import type { probeChannels } from '../../shared/ipc/probe-channels';
import type { Services } from '../composition';

export function createProbeHandlers(s: Services): HandlersFor<typeof probeChannels> {
  return {
    'probe:start': ({ landscapeId, pathwayNumber, pathwayId }, ctx) => {
      const n = s.probes.pathwayNumberOf(landscapeId, pathwayNumber ?? pathwayId ?? 0);
      const started = s.probes.start(landscapeId, n, (p) => ctx.emit('probe:progress', p));
      return { probeId: started.probeId, pathwayNumber: n };
    },
    'probe:start-all': ({ landscapeId }, ctx) => {
      const run = s.probes.startAll(landscapeId, (p) => ctx.emit('probe:progress', p));
      return { runId: run.runId, probes: run.probes.map((p) => ({ probeId: p.probeId, pathwayNumber: p.pathwayNumber ?? 0 })) };
    },
    'probe:cancel': ({ probeId }) => s.probes.cancel(probeId),
    'probe:cancel-all': () => s.probes.cancelAll(),
    'probe:route': ({ landscapeId, pathwayNumber, pathwayId }) => s.probes.previewRoute(landscapeId, s.probes.pathwayNumberOf(landscapeId, pathwayNumber ?? pathwayId ?? 0)),
    'probe:history': ({ landscapeId, pathwayNumber, pathwayId }) => {
      const n = s.probes.pathwayNumberOf(landscapeId, pathwayNumber ?? pathwayId ?? 0);
      return { pathwayNumber: n, entries: s.probes.history(landscapeId, n) };
    },
    'probe:edge-states': ({ landscapeId }) => ({ states: s.probes.edgeStates(landscapeId) }),
  };
}
