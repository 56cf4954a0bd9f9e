/**
 * The probes' IPC channels. Start returns the probe ids at once; steps and the final (redacted)
 * result arrive through the 'probe:progress' event. History entries carry no transcript.
 */
import * as z from 'zod';
import { channel, event } from './define';
import type { EdgeState } from '../probe/edge-state';
import type { ProbeProgress, ProbeResult, RoutePreview } from '../probe/probe-types';

export type ProbeHistoryEntry = Omit<ProbeResult, 'transcript'>;

const landscapeId = z.string().min(1).max(200);
const pathwayNumber = z.number().int().min(1).max(999);
/** A pathway by its number, or by its id (what the diagram's panels hold). */
const pathwayRef = z
  .object({ landscapeId, pathwayNumber: pathwayNumber.optional(), pathwayId: z.string().min(1).max(100).optional() })
  .refine((r) => (r.pathwayNumber === undefined) !== (r.pathwayId === undefined), { message: 'give pathwayNumber or pathwayId', path: ['pathwayNumber'] });

export const probeChannels = {
  'probe:start': channel<{ probeId: string; pathwayNumber: number }>()('startProbe', pathwayRef),
  'probe:start-all': channel<{ runId: string; probes: Array<{ probeId: string; pathwayNumber: number }> }>()(
    'startAllProbes',
    z.object({ landscapeId }),
  ),
  'probe:cancel': channel<{ cancelled: boolean }>()('cancelProbe', z.object({ probeId: z.string().min(1).max(100) })),
  'probe:cancel-all': channel<{ cancelled: number }>()('cancelAllProbes', z.undefined()),
  /** How this laptop would reach the pathway's peer now: system, PAC, proxy or direct (no probe is run). */
  'probe:route': channel<RoutePreview>()('previewProbeRoute', pathwayRef),
  'probe:history': channel<{ pathwayNumber: number; entries: ProbeHistoryEntry[] }>()('probeHistory', pathwayRef),
  'probe:edge-states': channel<{ states: Record<number, EdgeState> }>()('probeEdgeStates', z.object({ landscapeId })),
} as const;

export const probeEvents = {
  'probe:progress': event<ProbeProgress>()('onProbeProgress'),
} as const;
