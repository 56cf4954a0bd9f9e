/**
 * Landscape handlers: thin over services.landscapes. Mutations answer with the landscape detail and
 * announce the change ('landscapes:changed') so other views refresh. File paths must come from the
 * file dialog of this session (userPaths.assertChosen).
 */
import { writeFile } from 'node:fs/promises';
import type { HandlerContext, HandlersFor } from '../../shared/ipc/contract';
import { buildHandover, renderHandoverMarkdown } from '../../shared/landscape/handover';
import type { LandscapeDetail, LandscapesChanged, landscapeChannels } from '../../shared/ipc/landscape-channels';
import type { Landscape } from '../../shared/landscape/landscape-schema';
import type { Services } from '../composition';
import { createVaultCredentialLinks } from '../services/landscapes/credential-links';

export function createLandscapeHandlers(s: Services): HandlersFor<typeof landscapeChannels> {
  const L = s.landscapes;
  const links = () => createVaultCredentialLinks(s.vault);
  function changed(ctx: HandlerContext, l: Landscape, change: LandscapesChanged['change'] = 'updated'): LandscapeDetail {
    ctx.emit('landscapes:changed', { landscapeId: l.id, change });
    return L.show(l.id);
  }
  return {
    'landscapes:list': () => L.list(),
    'landscapes:get': ({ landscapeId }) => L.show(landscapeId),
    'landscapes:templates': () => L.templates(),
    'catalogue:list': () => L.catalogue(),
    'landscapes:create': (input, ctx) => changed(ctx, L.create(input), 'created'),
    'landscapes:rename': ({ landscapeId, name }, ctx) => changed(ctx, L.rename(landscapeId, name)),
    'landscapes:update': ({ landscapeId, patch }, ctx) => changed(ctx, L.update(landscapeId, patch)),
    'landscapes:duplicate': ({ landscapeId, name }, ctx) => changed(ctx, L.duplicate(landscapeId, name), 'created'),
    'landscapes:delete': ({ landscapeId }, ctx) => {
      const r = L.remove(landscapeId);
      ctx.emit('landscapes:changed', { landscapeId: r.removed, change: 'removed' });
      return r;
    },
    'systems:add': ({ landscapeId, system }, ctx) => changed(ctx, L.addSystem(landscapeId, system)),
    'systems:update': ({ landscapeId, systemId, patch }, ctx) => changed(ctx, L.updateSystem(landscapeId, systemId, patch)),
    'systems:remove': ({ landscapeId, systemId }, ctx) => changed(ctx, L.removeSystem(landscapeId, systemId)),
    'pathways:add': ({ landscapeId, pathway }, ctx) => changed(ctx, L.addPathway(landscapeId, pathway)),
    'pathways:update': ({ landscapeId, pathwayId, patch }, ctx) => changed(ctx, L.updatePathway(landscapeId, pathwayId, patch)),
    'pathways:remove': ({ landscapeId, pathwayId }, ctx) => changed(ctx, L.removePathway(landscapeId, pathwayId)),
    'pathways:tick': ({ landscapeId, pathwayId, stepId, done }, ctx) => changed(ctx, L.tickStep(landscapeId, pathwayId, stepId, done)),
    'landscapes:export': async ({ landscapeId, path }) => {
      const r = await L.files.exportFile(landscapeId, s.userPaths.assertChosen(path), links());
      return { path: r.path ?? path, unlinked: r.unlinked };
    },
    'landscapes:handover': async ({ landscapeId }) => {
      const handover = buildHandover(L.get(landscapeId), await s.vault.list());
      return { handover, markdown: renderHandoverMarkdown(handover) };
    },
    'landscapes:export-handover': async ({ landscapeId, path }) => {
      const target = s.userPaths.assertChosen(path);
      await writeFile(target, renderHandoverMarkdown(buildHandover(L.get(landscapeId), await s.vault.list())));
      return { path: target };
    },
    'landscapes:import': async ({ path, name }, ctx) => {
      const r = await L.files.importFile(s.userPaths.assertChosen(path), name ? { name } : {}, links());
      ctx.emit('landscapes:changed', { landscapeId: r.landscape.id, change: 'created' });
      return r;
    },
  };
}
