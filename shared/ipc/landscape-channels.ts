/**
 * The landscape channels: landscapes, their systems and pathways, templates, the system-kind
 * catalogue, checklist ticks and `*.landscape.json` files. Every mutation answers with the
 * landscape's detail (model + pathway views with findings), so the renderer redraws from one reply.
 * File paths must be absolute and come from the file dialog of this session.
 */
import * as z from 'zod';
import type { Handover } from '../landscape/handover';
import { channel, event } from './define';
import type { Landscape, LandscapeSummary } from '../landscape/landscape-schema';
import type { PathwayView } from '../landscape/pathway-view';
import type { Finding } from '../probe/probe-types';
import type { SystemKind } from '../landscape/system-kinds';
import type { TemplateSummary } from '../landscape/templates';
import type { FileCredentialRef } from '../landscape/landscape-file';
import { landscapePatchSchema, newPathwaySchema, newSystemSchema, pathwayPatchSchema, systemPatchSchema } from '../landscape/patch-schemas';
import { stageSchema } from '../landscape/vocabulary-schemas';

export interface LandscapeDetail {
  landscape: Landscape;
  pathways: PathwayView[];
  /** Findings about the landscape as a whole (pathway findings are in each pathway view). */
  findings: Finding[];
}

export interface LandscapeExported {
  path: string;
  /** Credential ids with no vault entry here: exported without a reference. */
  unlinked: string[];
}

export interface LandscapeImported {
  landscape: LandscapeSummary;
  unresolved: FileCredentialRef[];
}

export interface LandscapesChanged {
  landscapeId: string;
  change: 'created' | 'updated' | 'removed';
}

const id = z.string().min(1).max(100);
const name = z.string().trim().min(1).max(120);
const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path');
const ref = { landscapeId: id };

export const landscapeChannels = {
  'landscapes:list': channel<LandscapeSummary[]>()('listLandscapes', z.undefined()),
  'landscapes:get': channel<LandscapeDetail>()('getLandscape', z.object(ref)),
  'landscapes:templates': channel<TemplateSummary[]>()('listLandscapeTemplates', z.undefined()),
  'catalogue:list': channel<SystemKind[]>()('listSystemKinds', z.undefined()),
  'landscapes:create': channel<LandscapeDetail>()(
    'createLandscape',
    z.object({ templateId: z.string().min(1).max(60), name, customer: z.string().max(200).optional(), stage: stageSchema.optional() }),
  ),
  'landscapes:rename': channel<LandscapeDetail>()('renameLandscape', z.object({ ...ref, name })),
  'landscapes:update': channel<LandscapeDetail>()('updateLandscape', z.object({ ...ref, patch: landscapePatchSchema })),
  'landscapes:duplicate': channel<LandscapeDetail>()('duplicateLandscape', z.object({ ...ref, name })),
  'landscapes:delete': channel<{ removed: string }>()('deleteLandscape', z.object(ref)),
  'systems:add': channel<LandscapeDetail>()('addSystem', z.object({ ...ref, system: newSystemSchema })),
  'systems:update': channel<LandscapeDetail>()('updateSystem', z.object({ ...ref, systemId: id, patch: systemPatchSchema })),
  'systems:remove': channel<LandscapeDetail>()('removeSystem', z.object({ ...ref, systemId: id })),
  'pathways:add': channel<LandscapeDetail>()('addPathway', z.object({ ...ref, pathway: newPathwaySchema })),
  'pathways:update': channel<LandscapeDetail>()('updatePathway', z.object({ ...ref, pathwayId: id, patch: pathwayPatchSchema })),
  'pathways:remove': channel<LandscapeDetail>()('removePathway', z.object({ ...ref, pathwayId: id })),
  'pathways:tick': channel<LandscapeDetail>()('tickPathwayStep', z.object({ ...ref, pathwayId: id, stepId: z.string().min(1).max(80), done: z.boolean() })),
  'landscapes:export': channel<LandscapeExported>()('exportLandscape', z.object({ ...ref, path: absolutePath })),
  'landscapes:import': channel<LandscapeImported>()('importLandscape', z.object({ path: absolutePath, name: name.optional() })),
  /** The handover (what to create where) as data and Markdown; written only to a chosen path. */
  'landscapes:handover': channel<{ handover: Handover; markdown: string }>()('getHandover', z.object({ ...ref })),
  'landscapes:export-handover': channel<{ path: string }>()('exportHandover', z.object({ ...ref, path: absolutePath })),
} as const;

export const landscapeEvents = {
  'landscapes:changed': event<LandscapesChanged>()('onLandscapesChanged'),
} as const;
