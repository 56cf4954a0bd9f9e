/** LandscapeClient over the IPC api: each mutation's detail reply is reduced to the saved landscape. */
import type { Landscape } from '../../../shared/landscape';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import type { LandscapeClient } from './landscape-client';

type Detail = Result<{ landscape: Landscape }>;

function landscapeOf(r: Detail): Result<Landscape> {
  return r.ok ? { ok: true, value: r.value.landscape } : r;
}

export function createApiLandscapeClient(): LandscapeClient {
  return {
    get: (landscapeId) => api.getLandscape({ landscapeId }).then(landscapeOf),
    addSystem: (landscapeId, system) => api.addSystem({ landscapeId, system }).then(landscapeOf),
    removeSystem: (landscapeId, systemId) => api.removeSystem({ landscapeId, systemId }).then(landscapeOf),
    addPathway: (landscapeId, pathway) => api.addPathway({ landscapeId, pathway }).then(landscapeOf),
    updatePathway: (landscapeId, pathwayId, patch) => api.updatePathway({ landscapeId, pathwayId, patch }).then(landscapeOf),
    removePathway: (landscapeId, pathwayId) => api.removePathway({ landscapeId, pathwayId }).then(landscapeOf),
    tickStep: (landscapeId, pathwayId, stepId, done) => api.tickPathwayStep({ landscapeId, pathwayId, stepId, done }).then(landscapeOf),
    async listCredentials() {
      // The vault lists metadata only; an unavailable keychain means "no list" (the form says so).
      const r = await api.listCredentials();
      return r.ok ? r.value.credentials.map((c) => ({ id: c.id, label: c.label, kind: c.kind })) : null;
    },
  };
}
