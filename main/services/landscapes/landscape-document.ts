/**
 * The landscapes document on disk (`landscapes.json` in the data directory): every landscape of the
 * user, one per customer, with a schema version. Older versions are migrated on load.
 */
import * as z from 'zod';
import { landscapeSchema } from '../../../shared/landscape/landscape-schema';
import { migrateV1toV2 } from './migrate-v1';

export const LANDSCAPES_SCHEMA_VERSION = 2;

export const landscapesDocumentSchema = z
  .object({
    schemaVersion: z.literal(LANDSCAPES_SCHEMA_VERSION),
    landscapes: z.array(landscapeSchema).max(1000),
  })
  .superRefine((doc, ctx) => {
    const seen = new Set<string>();
    doc.landscapes.forEach((l, i) => {
      const key = l.name.trim().toLowerCase();
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['landscapes', i, 'name'], message: `duplicate landscape name "${l.name}"` });
      seen.add(key);
    });
  });
export type LandscapesDocument = z.infer<typeof landscapesDocumentSchema>;

export function emptyLandscapesDocument(): LandscapesDocument {
  return { schemaVersion: LANDSCAPES_SCHEMA_VERSION, landscapes: [] };
}

/** Brings a document of any known version up to the current one, step by step. */
export function migrateLandscapesDocument(raw: Record<string, unknown>): unknown {
  let doc = raw;
  const version = doc.schemaVersion;
  if (typeof version !== 'number') throw new Error('schemaVersion is missing');
  if (version > LANDSCAPES_SCHEMA_VERSION) throw new Error(`schemaVersion ${version} is newer than this app (${LANDSCAPES_SCHEMA_VERSION})`);
  if (version === 1) doc = migrateV1toV2(doc);
  return doc;
}

/** The first issue, as `path: message`: the reason shown when a document is set aside or refused. */
export function describeZodError(error: z.ZodError): { path: string; message: string } {
  const issue = error.issues[0];
  if (!issue) return { path: '', message: 'invalid' };
  return { path: formatPath(issue.path), message: issue.message };
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '');
}

export function validateLandscapesDocument(doc: unknown): { ok: true; value: LandscapesDocument } | { ok: false; reason: string } {
  const r = landscapesDocumentSchema.safeParse(doc);
  if (r.success) return { ok: true, value: r.data };
  const { path, message } = describeZodError(r.error);
  return { ok: false, reason: path ? `${path}: ${message}` : message };
}
