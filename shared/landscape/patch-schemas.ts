/**
 * Request schemas for edits. A patch must not carry defaults: zod's `.partial()` keeps them, so a
 * patch `{ name }` would reset every defaulted field. These schemas unwrap the defaults first.
 */
import * as z from 'zod';
import { landscapeSchema, pathwaySchema, systemSchema, type Landscape, type Pathway, type PathwayInput, type System, type SystemInput } from './landscape-schema';

function optionalWithoutDefaults<S extends z.ZodRawShape>(shape: S): z.ZodObject<{ [K in keyof S]: z.ZodOptional<z.ZodType> }> {
  const out: Record<string, z.ZodType> = {};
  for (const [key, t] of Object.entries(shape)) {
    const inner = t instanceof z.ZodDefault ? (t.unwrap() as z.ZodType) : (t as z.ZodType);
    out[key] = inner.optional();
  }
  return z.object(out).strict() as never;
}

export type PathwayPatch = Partial<Omit<PathwayInput, 'id' | 'updatedAt'>>;
export type SystemPatch = Partial<Omit<SystemInput, 'id'>>;
/** The landscape's own fields (not systems or pathways, which have their own operations). */
export type LandscapePatch = Partial<Omit<Landscape, 'id' | 'systems' | 'pathways' | 'createdAt' | 'updatedAt' | 'templateId'>>;

const { id: _pid, updatedAt: _pu, ...pathwayEditable } = pathwaySchema.shape;
const { id: _sid, ...systemEditable } = systemSchema.shape;
const { id: _lid, systems: _ls, pathways: _lp, createdAt: _lc, updatedAt: _lu, templateId: _lt, ...landscapeEditable } = landscapeSchema.shape;

export const pathwayPatchSchema = optionalWithoutDefaults(pathwayEditable) as unknown as z.ZodType<PathwayPatch>;
export const systemPatchSchema = optionalWithoutDefaults(systemEditable) as unknown as z.ZodType<SystemPatch>;
export const landscapePatchSchema = optionalWithoutDefaults(landscapeEditable) as unknown as z.ZodType<LandscapePatch>;

/** A new pathway: number and updatedAt are assigned by the service. */
export const newPathwaySchema = pathwaySchema.omit({ id: true, number: true, updatedAt: true }).strict();
export type NewPathway = z.input<typeof newPathwaySchema>;
export const newSystemSchema = systemSchema.omit({ id: true }).strict();
export type NewSystem = z.input<typeof newSystemSchema>;

export type { Pathway, System };
