/**
 * `*.landscape.json`: a landscape shared through git. Stable key order (the schema's), no ids of
 * this machine's vault, no timestamps (they would churn every diff), no secrets: credentials are
 * referenced by label and fingerprint so a colleague's import can relink their own entries.
 * Pure: the caller resolves credential ids ↔ references and does the file I/O.
 */
import * as z from 'zod';
import {
  caCertificateSchema,
  ciKeystoreEntrySchema,
  hostKeyTrustSchema,
  internetProxySchema,
  landscapeSchema,
  manualProxySchema,
  onPremiseProxySchema,
  pathwaySchema,
  systemSchema,
  tenantSchema,
} from './landscape-schema';
import type { Pathway } from './landscape-schema';
import type { Landscape } from './landscape-schema';

export const LANDSCAPE_FILE_FORMAT = 'landscape-setup/landscape';
export const LANDSCAPE_FILE_VERSION = 1;

export const credentialRefSchema = z.object({ label: z.string().min(1).max(200), fingerprint: z.string().max(200).optional() }).strict();
export type FileCredentialRef = z.infer<typeof credentialRefSchema>;

// The file schemas are built on first use, not at import: every command that reads the landscapes
// loads this module (the service's export/import), but only an export or import parses a file.
function buildFileSchemas() {
  // A manual proxy's own credential travels as a reference too, never as this machine's vault id.
  const fileProxySchema = z.discriminatedUnion('type', [
    internetProxySchema.strict(),
    onPremiseProxySchema.strict(),
    manualProxySchema.omit({ credentialId: true }).extend({ credential: credentialRefSchema.optional() }).strict(),
  ]);
  const filePathwaySchema = pathwaySchema
    .omit({ updatedAt: true, credentialId: true, proxy: true })
    .extend({ proxy: fileProxySchema.default({ type: 'internet' }), credential: credentialRefSchema.optional() })
    .strict();
  const fileKeystoreEntrySchema = ciKeystoreEntrySchema.omit({ credentialId: true }).extend({ credential: credentialRefSchema.optional() }).strict();
  return z
    .object({
      format: z.literal(LANDSCAPE_FILE_FORMAT),
      formatVersion: z.literal(LANDSCAPE_FILE_VERSION),
      landscape: z
        .object({
          name: landscapeSchema.shape.name,
          customer: landscapeSchema.shape.customer,
          stage: landscapeSchema.shape.stage,
          templateId: landscapeSchema.shape.templateId,
          tenant: tenantSchema.strict(),
          systems: z.array(systemSchema.strict()).max(200).default([]),
          pathways: z.array(filePathwaySchema).max(500).default([]),
          caCertificates: z.array(caCertificateSchema.strict()).max(200).default([]),
          ciKeystore: z.array(fileKeystoreEntrySchema).max(500).default([]),
          knownHosts: landscapeSchema.shape.knownHosts,
          hostKeyTrust: z.array(hostKeyTrustSchema.strict()).max(500).default([]),
        })
        .strict(),
    })
    .strict();
}

let fileSchema: ReturnType<typeof buildFileSchemas> | undefined;
/** The `*.landscape.json` schema (built on the first call). */
export const landscapeFileSchema = (): ReturnType<typeof buildFileSchemas> => (fileSchema ??= buildFileSchemas());
export type LandscapeFile = z.infer<ReturnType<typeof landscapeFileSchema>>;
type FileProxy = LandscapeFile['landscape']['pathways'][number]['proxy'];

function proxyToFile(proxy: Pathway['proxy'], ref: (id: string | undefined) => FileCredentialRef | undefined): FileProxy {
  if (proxy.type !== 'manual') return proxy;
  const { credentialId, ...rest } = proxy;
  return { ...rest, credential: ref(credentialId) };
}

function proxyFromFile(proxy: FileProxy, local: (r: FileCredentialRef | undefined) => string | undefined): Pathway['proxy'] {
  if (proxy.type !== 'manual') return proxy;
  const { credential, ...rest } = proxy;
  return { ...rest, credentialId: local(credential) };
}

export interface FileProblem {
  /** JSON path into the file, e.g. `$.landscape.pathways[1].auth`. */
  path: string;
  message: string;
}

export function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : `${acc}.${String(key)}`), '$');
}

/** Landscape → file object; `refs` maps this machine's credential ids to label + fingerprint. */
export function toLandscapeFile(l: Landscape, refs: ReadonlyMap<string, FileCredentialRef>): LandscapeFile {
  const ref = (id: string | undefined) => (id ? refs.get(id) : undefined);
  const draft = {
    format: LANDSCAPE_FILE_FORMAT,
    formatVersion: LANDSCAPE_FILE_VERSION,
    landscape: {
      ...l,
      pathways: l.pathways.map(({ updatedAt: _u, credentialId, proxy, ...p }) => ({ ...p, proxy: proxyToFile(proxy, ref), credential: ref(credentialId) })),
      ciKeystore: l.ciKeystore.map(({ credentialId, ...e }) => ({ ...e, credential: ref(credentialId) })),
      id: undefined,
      // This laptop's own route (proxy, PAC) is a machine setting, not part of the shared model.
      network: undefined,
      createdAt: undefined,
      updatedAt: undefined,
    },
  };
  // Parsing rebuilds every object in the schema's key order: the same landscape, the same bytes.
  return landscapeFileSchema().parse(JSON.parse(JSON.stringify(draft)));
}

export function serializeLandscapeFile(file: LandscapeFile): string {
  return JSON.stringify(landscapeFileSchema().parse(file), null, 2) + '\n';
}

/** Parses and validates file text, collecting EVERY problem with its JSON path. */
export function parseLandscapeFile(text: string): { ok: true; file: LandscapeFile } | { ok: false; problems: FileProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '$', message: `not valid JSON (${e instanceof Error ? e.message : String(e)})` }] };
  }
  const r = landscapeFileSchema().safeParse(raw);
  if (!r.success) return { ok: false, problems: r.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })) };
  return { ok: true, file: r.data };
}

/** File → landscape (not yet validated by the rules); `ids` resolves references to local ids. */
export function fromLandscapeFile(
  file: LandscapeFile,
  o: { id: string; name?: string; now: string; credentialIds: ReadonlyMap<string, string> },
): Landscape {
  const key = (r: FileCredentialRef | undefined) => (r ? `${r.label}\u0000${r.fingerprint ?? ''}` : '');
  const local = (r: FileCredentialRef | undefined) => (r ? o.credentialIds.get(key(r)) : undefined);
  const { pathways, ciKeystore, ...rest } = file.landscape;
  return landscapeSchema.parse({
    ...rest,
    id: o.id,
    name: o.name ?? rest.name,
    pathways: pathways.map(({ credential, proxy, ...p }) => ({ ...p, proxy: proxyFromFile(proxy, local), credentialId: local(credential), updatedAt: o.now })),
    ciKeystore: ciKeystore.map(({ credential, ...e }) => ({ ...e, credentialId: local(credential) })),
    createdAt: o.now,
    updatedAt: o.now,
  });
}

export function credentialRefKey(r: FileCredentialRef): string {
  return `${r.label}\u0000${r.fingerprint ?? ''}`;
}

/** Every credential reference in a file (deduplicated), to resolve before `fromLandscapeFile`. */
export function credentialRefsOf(file: LandscapeFile): FileCredentialRef[] {
  const all = [
    ...file.landscape.pathways.flatMap((p) => [p.credential, p.proxy.type === 'manual' ? p.proxy.credential : undefined]),
    ...file.landscape.ciKeystore.map((e) => e.credential),
  ];
  const seen = new Map<string, FileCredentialRef>();
  for (const r of all) if (r) seen.set(credentialRefKey(r), r);
  return [...seen.values()];
}
