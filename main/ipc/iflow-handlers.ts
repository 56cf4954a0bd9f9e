/** iFlow import handler: paths only from this session's file dialog; a saved import announces the change. */
import type { HandlersFor } from '../../shared/ipc/contract';
import type { iflowChannels } from '../../shared/ipc/iflow-channels';
import type { Services } from '../composition';

export function createIflowHandlers(s: Services): HandlersFor<typeof iflowChannels> {
  return {
    'iflow:import': async ({ paths, landscapeId, newName, dryRun }, ctx) => {
      const files = paths.map((p) => s.userPaths.assertChosen(p, 'paths'));
      const r = await s.iflows.import({ files, dryRun, ...(landscapeId ? { landscape: landscapeId } : {}), ...(newName ? { newName } : {}) });
      if (!r.dryRun && r.landscape.changed) ctx.emit('landscapes:changed', { landscapeId: r.landscape.id, change: r.landscape.created ? 'created' : 'updated' });
      return r;
    },
  };
}
