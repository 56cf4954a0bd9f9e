/**
 * Edits of one landscape's systems and pathways, as functions from landscape to landscape. They
 * throw AppError for unknown ids and references; the caller validates the result as a whole.
 */
import type { Landscape, Pathway, System } from '../../../shared/landscape/landscape-schema';
import {
  newPathwaySchema,
  newSystemSchema,
  pathwayPatchSchema,
  systemPatchSchema,
  type PathwayPatch,
  type SystemPatch,
} from '../../../shared/landscape/patch-schemas';
import { AppError } from '../../../shared/result';
import { parseOrThrow } from './validate-landscape';

export interface EditContext {
  newId: () => string;
  now: string;
}

function findSystem(l: Landscape, systemId: string): System {
  const s = l.systems.find((x) => x.id === systemId);
  if (!s) throw new AppError('NOT_FOUND', `No system ${systemId} in landscape "${l.name}".`, 'systemId');
  return s;
}

function findPathway(l: Landscape, pathwayId: string): Pathway {
  const p = l.pathways.find((x) => x.id === pathwayId || String(x.number) === pathwayId);
  if (!p) throw new AppError('NOT_FOUND', `No pathway ${pathwayId} in landscape "${l.name}".`, 'pathwayId');
  return p;
}

export function addSystem(l: Landscape, input: unknown, c: EditContext): Landscape {
  const s = parseOrThrow(newSystemSchema, input);
  if (l.systems.some((x) => x.name.toLowerCase() === s.name.toLowerCase())) {
    throw new AppError('INVALID_INPUT', `name: a system named "${s.name}" already exists in this landscape.`, 'name');
  }
  return { ...l, systems: [...l.systems, { ...s, id: c.newId() }] };
}

export function updateSystem(l: Landscape, systemId: string, patch: unknown): Landscape {
  const current = findSystem(l, systemId);
  const p = parseOrThrow(systemPatchSchema, patch) as SystemPatch;
  if (p.name && l.systems.some((x) => x.id !== systemId && x.name.toLowerCase() === p.name!.trim().toLowerCase())) {
    throw new AppError('INVALID_INPUT', `name: a system named "${p.name}" already exists in this landscape.`, 'name');
  }
  return { ...l, systems: l.systems.map((x) => (x.id === current.id ? ({ ...x, ...p } as System) : x)) };
}

export function removeSystem(l: Landscape, systemId: string): Landscape {
  const s = findSystem(l, systemId);
  const using = l.pathways.filter((p) => p.from === s.id || p.to === s.id).map((p) => p.number);
  if (using.length) {
    throw new AppError('IN_USE', `${s.name} is used by pathway ${using.join(', ')}: remove those pathways first.`, 'systemId');
  }
  return { ...l, systems: l.systems.filter((x) => x.id !== s.id) };
}

export function addPathway(l: Landscape, input: unknown, c: EditContext): Landscape {
  const p = parseOrThrow(newPathwaySchema, input);
  // Numbers are stable: a removed pathway's number is not reused by the next one.
  const number = l.pathways.reduce((max, x) => Math.max(max, x.number), 0) + 1;
  return { ...l, pathways: [...l.pathways, { ...p, id: c.newId(), number, updatedAt: c.now }] };
}

export function updatePathway(l: Landscape, pathwayId: string, patch: unknown, c: EditContext): Landscape {
  const current = findPathway(l, pathwayId);
  const p = parseOrThrow(pathwayPatchSchema, patch) as PathwayPatch;
  const next = { ...current, ...p, updatedAt: c.now } as Pathway;
  return { ...l, pathways: l.pathways.map((x) => (x.id === current.id ? next : x)) };
}

export function removePathway(l: Landscape, pathwayId: string): Landscape {
  const p = findPathway(l, pathwayId);
  return { ...l, pathways: l.pathways.filter((x) => x.id !== p.id) };
}

export function tickStep(l: Landscape, pathwayId: string, stepId: string, done: boolean, c: EditContext): Landscape {
  const p = findPathway(l, pathwayId);
  const rest = p.checklistDone.filter((s) => s !== stepId);
  const checklistDone = done ? [...rest, stepId] : rest;
  return { ...l, pathways: l.pathways.map((x) => (x.id === p.id ? { ...x, checklistDone, updatedAt: c.now } : x)) };
}
