/**
 * The inner document of a bundle (what the age encryption protects): versioned JSON holding one or
 * more landscapes in the `*.landscape.json` format (tenant, systems, pathways, the modelled CI
 * keystore, known hosts, host-key pins) and every credential they reference, secret included.
 * Landscapes name credentials by label and fingerprint exactly as landscape files do; the bundle's
 * credentials carry the same label and fingerprint, so import relinks them to whatever ids the
 * receiving vault gives them. Pure: no I/O, no crypto. This text exists only in memory.
 */
import * as z from 'zod';
import { CREDENTIAL_KINDS, type CredentialKind, type SecretPayload } from '../vault/credential-kinds';
import { credentialMetaPatchSchema } from '../vault/credential-schema';
import { credentialRefKey, jsonPath, landscapeFileSchema, type FileCredentialRef, type FileProblem, type LandscapeFile } from '../landscape/landscape-file';

export const BUNDLE_FORMAT = 'landscape-setup/bundle';
/** 2 adds `pgpKeys`; a bundle without PGP keys is still written as 1, so older apps read it. */
export const BUNDLE_FORMAT_VERSION = 2;
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

/**
 * A PGP key the landscapes' pathways use (by fingerprint): its public half, and for our own keys
 * the label of the bundle credential (kind pgp-key) that carries the locked private key and its
 * passphrase, so the secret half travels through the same all-or-nothing vault batch.
 */
export const bundlePgpKeySchema = z.strictObject({
  label: z.string().trim().min(1).max(200),
  fingerprint: z.string().regex(/^[0-9a-f]{40}$|^[0-9a-f]{64}$/),
  publicKey: z.string().max(1_000_000).refine((t) => t.startsWith('-----BEGIN PGP PUBLIC KEY BLOCK-----'), 'only an armored public key belongs here'),
  credential: z.string().trim().min(1).max(200).optional(),
});
export type BundlePgpKey = z.infer<typeof bundlePgpKeySchema>;

export const bundleDocumentSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.union([z.literal(1), z.literal(BUNDLE_FORMAT_VERSION)]),
  createdAt: z.string().max(40),
  landscapes: z.array(landscapeFileSchema()).min(1).max(100),
  credentials: z.array(bundleCredentialSchema).max(2000).default([]),
  pgpKeys: z.array(bundlePgpKeySchema).max(500).default([]),
});
export type BundleDocument = z.infer<typeof bundleDocumentSchema>;

export interface BundleCredentialInput {
  label: string;
  kind: CredentialKind;
  meta: z.input<typeof bundleCredentialMetaSchema>;
  secret: SecretPayload;
}

export function buildBundleDocument(landscapes: LandscapeFile[], credentials: BundleCredentialInput[], createdAt: string, pgpKeys: BundlePgpKey[] = []): BundleDocument {
  const base = { format: BUNDLE_FORMAT, createdAt, landscapes, credentials };
  return bundleDocumentSchema.parse(pgpKeys.length ? { ...base, formatVersion: BUNDLE_FORMAT_VERSION, pgpKeys } : { ...base, formatVersion: 1 });
}

/** The text that is encrypted: a format-1 document has no pgpKeys field (format-1 apps refuse unknown fields). */
export function bundleText(doc: BundleDocument): string {
  const { pgpKeys: _pgp, ...v1 } = doc;
  return JSON.stringify(doc.formatVersion === 1 ? v1 : doc);
}

/** The fingerprint a landscape file names a credential by (the same choice as credential links). */
export function fingerprintOfMeta(meta: { fingerprints?: { sha256?: string; ssh?: string; publicKeySha256?: string; pgp?: string } }): string | undefined {
  return meta.fingerprints?.sha256 ?? meta.fingerprints?.ssh ?? meta.fingerprints?.publicKeySha256 ?? meta.fingerprints?.pgp;
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
