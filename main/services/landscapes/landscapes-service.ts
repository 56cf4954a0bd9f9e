/**
 * The landscapes service: every landscape of the user in one validated, versioned document.
 * Every mutation validates the whole landscape before it is written and refuses bad input with
 * an AppError naming the field. Landscapes are addressed by id or, for the CLI, by name.
 */
import { randomUUID } from 'node:crypto';
import { summarizeLandscape, type Landscape, type LandscapeSummary } from '../../../shared/landscape/landscape-schema';
import { viewPathways } from '../../../shared/landscape/pathway-view';
import { checkLandscape } from '../../../shared/landscape/rules';
import type { LandscapeDetail } from '../../../shared/ipc/landscape-channels';
import { SYSTEM_KINDS, type SystemKind } from '../../../shared/landscape/system-kinds';
import { findTemplate, instantiateTemplate, listTemplates, type TemplateSummary } from '../../../shared/landscape/templates';
import { landscapePatchSchema } from '../../../shared/landscape/patch-schemas';
import { stageSchema } from '../../../shared/landscape/vocabulary-schemas';
import { AppError } from '../../../shared/result';
import type { Logger } from '../logger';
import { createDocumentStore, type DocumentStore, type StoreProblem } from '../store/document-store';
import type { StoreBackendFactory } from '../store/store-backend';
import * as edits from './landscape-edits';
import { createLandscapeFiles } from './landscape-files';
import {
  emptyLandscapesDocument,
  migrateLandscapesDocument,
  validateLandscapesDocument,
  type LandscapesDocument,
} from './landscape-document';
import { parseOrThrow, validateLandscape } from './validate-landscape';
import * as z from 'zod';

export interface LandscapesDeps {
  dataDir: string;
  backend: StoreBackendFactory;
  log: Logger;
  now: () => Date;
  newId?: () => string;
}

export type { LandscapeDetail };

export interface CreateLandscapeInput {
  templateId: string;
  name: string;
  customer?: string;
  stage?: Landscape['stage'];
}

const nameSchema = z.string().trim().min(1, 'a name is required').max(120);

export function createLandscapesService(deps: LandscapesDeps) {
  const newId = deps.newId ?? (() => randomUUID());
  let store: DocumentStore<LandscapesDocument> | undefined;
  // Opened on first use: composing the services must not touch the disk.
  const doc = (): DocumentStore<LandscapesDocument> =>
    (store ??= createDocumentStore({
      backend: deps.backend,
      cwd: deps.dataDir,
      name: 'landscapes',
      migrate: migrateLandscapesDocument,
      validate: validateLandscapesDocument,
      empty: emptyLandscapesDocument,
      log: deps.log,
      now: deps.now,
    }));
  const stamp = () => deps.now().toISOString();

  function find(d: LandscapesDocument, ref: string): Landscape {
    const byId = d.landscapes.find((l) => l.id === ref);
    const l = byId ?? d.landscapes.find((x) => x.name.toLowerCase() === ref.trim().toLowerCase());
    if (!l) throw new AppError('NOT_FOUND', `No landscape "${ref}".`, 'id');
    return l;
  }

  function checkName(d: LandscapesDocument, name: string, exceptId?: string): string {
    const n = parseOrThrow(nameSchema, name, 'name');
    if (d.landscapes.some((l) => l.id !== exceptId && l.name.toLowerCase() === n.toLowerCase())) {
      throw new AppError('NAME_TAKEN', `name: a landscape named "${n}" already exists.`, 'name');
    }
    return n;
  }

  /** Adds a complete landscape (create, duplicate, import): validated, name checked. */
  function insert(candidate: Landscape): Landscape {
    let added: Landscape | undefined;
    doc().update((d) => {
      checkName(d, candidate.name);
      added = validateLandscape(candidate);
      d.landscapes.push(added);
    });
    return added as Landscape;
  }

  function mutate(ref: string, change: (l: Landscape, c: edits.EditContext) => Landscape): Landscape {
    let result: Landscape | undefined;
    doc().update((d) => {
      const l = find(d, ref);
      const now = stamp();
      result = validateLandscape({ ...change(l, { newId, now }), updatedAt: now });
      d.landscapes = d.landscapes.map((x) => (x.id === l.id ? (result as Landscape) : x));
    });
    return result as Landscape;
  }

  const service = {
    list: (): LandscapeSummary[] => doc().read().landscapes.map(summarizeLandscape).sort((a, b) => a.name.localeCompare(b.name)),
    get: (ref: string): Landscape => find(doc().read(), ref),
    show(ref: string): LandscapeDetail {
      const landscape = find(doc().read(), ref);
      // Pathway findings travel with each pathway view; these are about the landscape as a whole.
      const findings = checkLandscape(landscape).filter((f) => f.pathwayNumber === undefined);
      return { landscape, pathways: viewPathways(landscape), findings };
    },
    templates: (): TemplateSummary[] => listTemplates(),
    catalogue: (): SystemKind[] => structuredClone([...SYSTEM_KINDS]),
    problems: (): StoreProblem[] => doc().problems(),
    create(input: CreateLandscapeInput): Landscape {
      const template = findTemplate(input.templateId);
      if (!template) throw new AppError('INVALID_INPUT', `templateId: no template "${input.templateId}".`, 'templateId');
      const now = stamp();
      const l = instantiateTemplate(template, { id: newId(), name: parseOrThrow(nameSchema, input.name, 'name'), now, newId });
      if (input.customer !== undefined) l.customer = input.customer;
      if (input.stage !== undefined) l.stage = parseOrThrow(stageSchema, input.stage, 'stage');
      return insert(l);
    },
    rename: (ref: string, name: string): Landscape =>
      mutate(ref, (l) => {
        const d = doc().read();
        return { ...l, name: checkName(d, name, l.id) };
      }),
    update: (ref: string, patch: unknown): Landscape =>
      mutate(ref, (l) => {
        const p = parseOrThrow(landscapePatchSchema, patch);
        if (p.name !== undefined) checkName(doc().read(), p.name, l.id);
        return { ...l, ...p } as Landscape;
      }),
    duplicate(ref: string, name: string): Landscape {
      const source = find(doc().read(), ref);
      const now = stamp();
      // Fresh ids everywhere, so the copy can be edited and exported independently.
      const ids = new Map(source.systems.map((s) => [s.id, newId()]));
      const copy: Landscape = {
        ...structuredClone(source),
        id: newId(),
        name: parseOrThrow(nameSchema, name, 'name'),
        systems: source.systems.map((s) => ({ ...s, id: ids.get(s.id) as string })),
        pathways: source.pathways.map((p) => ({ ...p, id: newId(), from: ids.get(p.from) ?? p.from, to: ids.get(p.to) ?? p.to })),
        createdAt: now,
        updatedAt: now,
      };
      return insert(copy);
    },
    remove(ref: string): { removed: string } {
      let removed = '';
      doc().update((d) => {
        const l = find(d, ref);
        removed = l.id;
        d.landscapes = d.landscapes.filter((x) => x.id !== l.id);
      });
      return { removed };
    },
    /** Adds an already complete landscape (import); the caller gives it a fresh id. */
    insert,
    /** A bundle import: removes `removeIds` and adds `add` in ONE write (all or nothing). */
    importMany(add: Landscape[], removeIds: string[]): Landscape[] {
      const added: Landscape[] = [];
      doc().update((d) => {
        d.landscapes = d.landscapes.filter((x) => !removeIds.includes(x.id));
        for (const l of add) {
          checkName(d, l.name);
          const valid = validateLandscape(l);
          d.landscapes.push(valid);
          added.push(valid);
        }
      });
      return added;
    },
    /** Replaces a landscape whole (an iFlow import planned on it); refused if it changed since it was read. */
    replace: (ref: string, next: Landscape): Landscape =>
      mutate(ref, (l) => {
        if (l.updatedAt !== next.updatedAt) throw new AppError('CONFLICT', `Landscape "${l.name}" changed while the import was prepared; import again.`, 'landscape');
        return { ...next, id: l.id };
      }),
    addSystem: (ref: string, input: unknown) => mutate(ref, (l, c) => edits.addSystem(l, input, c)),
    updateSystem: (ref: string, systemId: string, patch: unknown) => mutate(ref, (l) => edits.updateSystem(l, systemId, patch)),
    removeSystem: (ref: string, systemId: string) => mutate(ref, (l) => edits.removeSystem(l, systemId)),
    addPathway: (ref: string, input: unknown) => mutate(ref, (l, c) => edits.addPathway(l, input, c)),
    updatePathway: (ref: string, pathwayId: string, patch: unknown) => mutate(ref, (l, c) => edits.updatePathway(l, pathwayId, patch, c)),
    removePathway: (ref: string, pathwayId: string) => mutate(ref, (l) => edits.removePathway(l, pathwayId)),
    tickStep: (ref: string, pathwayId: string, stepId: string, done: boolean) =>
      mutate(ref, (l, c) => edits.tickStep(l, pathwayId, stepId, done, c)),
    /** A read-modify-write of one landscape under the store's lock (the trust screen's edits). */
    modify: (ref: string, change: (l: Landscape) => Landscape) => mutate(ref, (l) => change(l)),
    newId,
  };
  return { ...service, files: createLandscapeFiles(service) };
}

export type LandscapesService = ReturnType<typeof createLandscapesService>;
