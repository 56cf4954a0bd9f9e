/**
 * The first half of an import, before anything is written: check every part of the decrypted
 * document (schema, each secret, each landscape against the rules a save refuses), then compare
 * it with this laptop — credentials by fingerprint and label, landscapes by name — and describe
 * each conflict so the user can choose keep both / replace / skip.
 */
import { bundleRefOf, fingerprintOfMeta, parseBundleDocument, type BundleDocument } from '../../../shared/bundle/bundle-document';
import type { BundleCredentialPreview, BundleLandscapePreview, ConflictChoice } from '../../../shared/ipc/bundle-channels';
import { serializeLandscapeFile, type FileProblem } from '../../../shared/landscape/landscape-file';
import { AppError } from '../../../shared/result';
import { KIND_LABELS, type CredentialKind, type CredentialMeta, type SecretPayload } from '../../../shared/vault/credential-kinds';
import { checkSecretPayload, leaksSecret } from '../../../shared/vault/secret-payload';
import { validatePgpKeys } from './bundle-pgp';

export interface PlannedCredential {
  preview: BundleCredentialPreview;
  /** The credential here it equals or collides with. */
  localId?: string;
}

export interface PlannedLandscape {
  preview: BundleLandscapePreview;
  localId?: string;
}

export interface BundlePlan {
  doc: BundleDocument;
  credentials: PlannedCredential[];
  landscapes: PlannedLandscape[];
}

export interface PlanDeps {
  localCredentials: CredentialMeta[];
  readLocalSecret: (id: string) => Promise<SecretPayload | undefined>;
  localLandscapes: Array<{ id: string; name: string }>;
  /** The rules a landscape save refuses (landscape-files checkText), as problems with JSON paths. */
  checkLandscapeText: (text: string) => FileProblem[];
}

function invalid(problems: FileProblem[]): AppError {
  const shown = problems.slice(0, 8).map((p) => `${p.path}: ${p.message}`);
  const more = problems.length > shown.length ? [`… and ${problems.length - shown.length} more`] : [];
  return new AppError('BUNDLE_INVALID', [`The bundle decrypted, but ${problems.length} part(s) are not valid; nothing was imported:`, ...shown, ...more].join('\n'), problems[0]?.path);
}

/** Everything wrong with the document, with JSON paths; empty when it can be imported. */
export function validateBundle(doc: BundleDocument, checkLandscapeText: PlanDeps['checkLandscapeText']): FileProblem[] {
  const problems: FileProblem[] = [];
  const labels = new Set<string>();
  doc.credentials.forEach((c, i) => {
    const at = `$.credentials[${i}]`;
    if (labels.has(c.label)) problems.push({ path: `${at}.label`, message: `a second credential labelled "${c.label}"` });
    labels.add(c.label);
    const problem = checkSecretPayload(c.kind, c.secret);
    if (problem) problems.push({ path: `${at}.${problem.field}`, message: problem.message });
    else if (leaksSecret(`${c.label} ${JSON.stringify(c.meta)}`, c.secret)) problems.push({ path: `${at}.meta`, message: 'the public metadata contains the secret' });
  });
  const names = new Set<string>();
  doc.landscapes.forEach((file, i) => {
    const name = file.landscape.name.trim().toLowerCase();
    if (names.has(name)) problems.push({ path: `$.landscapes[${i}].landscape.name`, message: `a second landscape named "${file.landscape.name}"` });
    names.add(name);
    for (const p of checkLandscapeText(serializeLandscapeFile(file))) problems.push({ path: p.path.replace(/^\$/, `$.landscapes[${i}]`), message: p.message });
  });
  problems.push(...validatePgpKeys(doc));
  return problems;
}

/** Parses, validates and compares; throws BUNDLE_INVALID (or BUNDLE_TOO_NEW) with every problem. */
export async function planBundle(text: string, deps: PlanDeps): Promise<BundlePlan> {
  const parsed = parseBundleDocument(text);
  if (!parsed.ok) {
    if (parsed.newerVersion) {
      throw new AppError('BUNDLE_TOO_NEW', `This bundle was made by a newer Landscape Setup (bundle format ${parsed.newerVersion}); update the app on this laptop to open it. Nothing was imported.`);
    }
    throw invalid(parsed.problems);
  }
  const problems = validateBundle(parsed.doc, deps.checkLandscapeText);
  if (problems.length) throw invalid(problems);
  const credentials: PlannedCredential[] = [];
  for (const [i, c] of parsed.doc.credentials.entries()) credentials.push(await planCredential(`c${i}`, c, deps));
  const landscapes = parsed.doc.landscapes.map((file, i): PlannedLandscape => {
    const l = file.landscape;
    const local = deps.localLandscapes.find((x) => x.name.trim().toLowerCase() === l.name.trim().toLowerCase());
    const preview: BundleLandscapePreview = { key: `l${i}`, name: l.name, customer: l.customer, systems: l.systems.length, pathways: l.pathways.length, status: local ? 'conflict' : 'new' };
    if (local) preview.reason = `A landscape named "${local.name}" is already here.`;
    return local ? { preview, localId: local.id } : { preview };
  });
  return { doc: parsed.doc, credentials, landscapes };
}

const sameSecret = (a: SecretPayload | undefined, b: SecretPayload) =>
  !!a && Object.keys(a).length === Object.keys(b).length && Object.entries(b).every(([k, v]) => a[k] === v);
const samePublic = (local: CredentialMeta, c: BundleDocument['credentials'][number]) => {
  const { id: _i, kind: _k, label: _l, createdAt: _c, updatedAt: _u, ...rest } = local;
  return JSON.stringify(rest, Object.keys(rest).sort()) === JSON.stringify(c.meta, Object.keys(c.meta).sort());
};

/** Replace keeps the local id (links elsewhere stay), so it must not change what kind the credential is. */
export function canReplace(local: CredentialKind, incoming: CredentialKind): boolean {
  return local === incoming || (local === 'key-pair' && incoming === 'client-certificate');
}

async function planCredential(key: string, c: BundleDocument['credentials'][number], deps: PlanDeps): Promise<PlannedCredential> {
  const fingerprint = bundleRefOf(c).fingerprint;
  const byFingerprint = fingerprint ? deps.localCredentials.find((m) => fingerprintOfMeta(m) === fingerprint) : undefined;
  const byLabel = deps.localCredentials.find((m) => m.label === c.label);
  const local = byFingerprint ?? byLabel;
  const preview: BundleCredentialPreview = { key, label: c.label, kind: c.kind, ...(fingerprint ? { fingerprint } : {}), status: 'new' };
  if (!local) return { preview };
  const localFingerprint = fingerprintOfMeta(local);
  preview.local = { label: local.label, kind: local.kind, ...(localFingerprint ? { fingerprint: localFingerprint } : {}) };
  if (local.label === c.label && local.kind === c.kind && samePublic(local, c) && sameSecret(await deps.readLocalSecret(local.id), c.secret)) {
    return { preview: { ...preview, status: 'same' }, localId: local.id };
  }
  preview.status = 'conflict';
  if (byFingerprint && byFingerprint.label !== c.label) preview.reason = `The same key (fingerprint) is already here as "${byFingerprint.label}".`;
  else if (fingerprint && localFingerprint && localFingerprint !== fingerprint) preview.reason = 'A credential with this label is here, with a different key (fingerprint).';
  else preview.reason = 'A credential with this label is here, with a different secret or details.';
  if (!canReplace(local.kind, c.kind)) {
    preview.notAllowed = ['replace'] satisfies ConflictChoice[];
    preview.reason += ` It cannot be replaced: here it is a ${KIND_LABELS[local.kind]} credential, in the bundle a ${KIND_LABELS[c.kind]} one.`;
  }
  return { preview, localId: local.id };
}
