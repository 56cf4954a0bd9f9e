/**
 * The inner document of a bundle (what the age encryption protects): versioned JSON holding one or
 * more landscapes in the `*.landscape.json` format (tenant, systems, pathways, the modelled CI
 * keystore, known hosts, host-key pins) and every credential they reference, secret included.
 * Landscapes name credentials by label and fingerprint exactly as landscape files do; the bundle's
 * credentials carry the same label and fingerprint, so import relinks them to whatever ids the
 * receiving vault gives them. Pure: no I/O, no crypto. This text exists only in memory.
 */
import { z } from 'zod';
import { CREDENTIAL_KINDS, type CredentialKind, type SecretPayload } from '../vault/credential-kinds';
import { credentialMetaPatchSchema } from '../vault/credential-schema';
import { credentialRefKey, jsonPath, landscapeFileSchema, type FileCredentialRef, type FileProblem, type LandscapeFile } from '../landscape/landscape-file';

export const BUNDLE_FORMAT = 'landscape-setup/bundle';
export const BUNDLE_FORMAT_VERSION = 1;
/** The largest bundle file read (a landscape is KBs; 2,000 credentials of 64 KiB would be 128 MiB). */
export const MAX_BUNDLE_BYTES = 32 * 1024 * 1024;

export const bundleCredentialMetaSchema = credentialMetaPatchSchema.omit({ label: true });

export const bundleCredentialSchema = z.strictObject({
  label: z.string().trim().min(1).max(200),
  kind: z.enum(CREDENTIAL_KINDS),
  /** Public metadata, as the sender's vault held it (no ids, no timestamps). */
  meta: bundleCredentialMetaSchema.default({}),
  secret: z.record(z.string().min(1).max(64), z.string()),
});
export type BundleCredential = z.infer<typeof bundleCredentialSchema>;

export const bundleDocumentSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.literal(BUNDLE_FORMAT_VERSION),
  createdAt: z.string().max(40),
  landscapes: z.array(landscapeFileSchema).min(1).max(100),
  credentials: z.array(bundleCredentialSchema).max(2000).default([]),
});
export type BundleDocument = z.infer<typeof bundleDocumentSchema>;

export interface BundleCredentialInput {
  label: string;
  kind: CredentialKind;
  meta: z.input<typeof bundleCredentialMetaSchema>;
  secret: SecretPayload;
}

export function buildBundleDocument(landscapes: LandscapeFile[], credentials: BundleCredentialInput[], createdAt: string): BundleDocument {
  return bundleDocumentSchema.parse({ format: BUNDLE_FORMAT, formatVersion: BUNDLE_FORMAT_VERSION, createdAt, landscapes, credentials });
}

/** The fingerprint a landscape file names a credential by (the same choice as credential links). */
export function fingerprintOfMeta(meta: { fingerprints?: { sha256?: string; ssh?: string; publicKeySha256?: string } }): string | undefined {
  return meta.fingerprints?.sha256 ?? meta.fingerprints?.ssh ?? meta.fingerprints?.publicKeySha256;
}

export function bundleRefOf(c: Pick<BundleCredential, 'label' | 'meta'>): FileCredentialRef {
  const fingerprint = fingerprintOfMeta(c.meta);
  return fingerprint ? { label: c.label, fingerprint } : { label: c.label };
}

/** The bundle credential a landscape reference points at: same label and fingerprint, else same label. */
export function findBundleCredential(doc: BundleDocument, ref: FileCredentialRef): number {
  const key = credentialRefKey(ref);
  const exact = doc.credentials.findIndex((c) => credentialRefKey(bundleRefOf(c)) === key);
  return exact >= 0 ? exact : doc.credentials.findIndex((c) => c.label === ref.label);
}

export type ParsedBundle = { ok: true; doc: BundleDocument } | { ok: false; newerVersion?: number; problems: FileProblem[] };

/** Parses decrypted text; every schema problem with its JSON path; a newer format is named as such. */
export function parseBundleDocument(text: string): ParsedBundle {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problems: [{ path: '$', message: 'the decrypted content is not JSON: this is not a Landscape Setup bundle' }] };
  }
  const head = (raw ?? {}) as { format?: unknown; formatVersion?: unknown };
  if (head.format !== BUNDLE_FORMAT) {
    return { ok: false, problems: [{ path: '$.format', message: `not a Landscape Setup bundle (expected format "${BUNDLE_FORMAT}")` }] };
  }
  if (typeof head.formatVersion === 'number' && head.formatVersion > BUNDLE_FORMAT_VERSION) {
    return { ok: false, newerVersion: head.formatVersion, problems: [{ path: '$.formatVersion', message: `format version ${head.formatVersion} is newer than this app reads (${BUNDLE_FORMAT_VERSION})` }] };
  }
  const r = bundleDocumentSchema.safeParse(raw);
  if (!r.success) return { ok: false, problems: r.error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message })) };
  return { ok: true, doc: r.data };
}
