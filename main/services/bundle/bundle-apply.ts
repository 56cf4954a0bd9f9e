/**
 * The second half of an import: turn the plan and the user's choices into writes, and make them
 * all or none. Every landscape is built and validated before the first write; then the keychain
 * and credential metadata (one vault batch, rolled back inside on failure), then the landscapes
 * (one document write); if that fails the vault batch is undone, so a refused bundle leaves both
 * stores as they were.
 */
import { findBundleCredential, type BundleDocument } from '../../../shared/bundle/bundle-document';
import type { BundleApplied, ConflictChoice } from '../../../shared/ipc/bundle-channels';
import { credentialRefKey, credentialRefsOf, fromLandscapeFile, type FileCredentialRef } from '../../../shared/landscape/landscape-file';
import type { Landscape } from '../../../shared/landscape/landscape-schema';
import { AppError } from '../../../shared/result';
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import type { CredentialLinks } from '../landscapes/credential-links';
import { validateLandscape } from '../landscapes/validate-landscape';
import { newCredentialId, type BatchItem, type BatchReceipt } from '../vault/vault-batch';
import type { BundlePlan } from './bundle-plan';
import { planPgpImport, type BundlePgpPort } from './bundle-pgp';

export interface ApplyDeps {
  localCredentials: CredentialMeta[];
  localLandscapeNames: string[];
  links: CredentialLinks;
  importBatch: (items: BatchItem[]) => Promise<BatchReceipt>;
  importLandscapes: (add: Landscape[], removeIds: string[]) => Landscape[];
  newId: () => string;
  now: () => Date;
  /** services.pgp: the bundle's PGP keys become its entries (absent: a bundle with PGP keys is refused). */
  pgp?: BundlePgpPort;
}

function freeName(base: string, taken: Set<string>, suffix: (n: number) => string): string {
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base} ${suffix(n)}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

function choiceFor(key: string, label: string, notAllowed: ConflictChoice[] | undefined, choices: Record<string, ConflictChoice>, fallback?: ConflictChoice): ConflictChoice {
  const choice = choices[key] ?? fallback;
  if (!choice) throw new AppError('CONFLICTS_UNRESOLVED', `"${label}" conflicts with what is here: choose keep both, replace or skip. Nothing was imported.`, key);
  if (notAllowed?.includes(choice)) throw new AppError('INVALID_INPUT', `"${label}" cannot be replaced (the kinds differ): choose keep both or skip. Nothing was imported.`, key);
  return choice;
}

export async function applyBundle(plan: BundlePlan, choices: Record<string, ConflictChoice>, fallback: ConflictChoice | undefined, deps: ApplyDeps): Promise<BundleApplied> {
  const doc: BundleDocument = plan.doc;
  const labels = new Set(deps.localCredentials.map((c) => c.label.toLowerCase()));
  const items: BatchItem[] = [];
  const localIdOf = new Map<number, string>();
  const report: BundleApplied = { landscapes: [], credentials: [], unresolved: [] };
  plan.credentials.forEach(({ preview, localId }, i) => {
    const c = doc.credentials[i] as BundleDocument['credentials'][number];
    const meta = c.meta as Partial<CredentialMeta>;
    if (preview.status === 'same' && localId) {
      localIdOf.set(i, localId);
      return void report.credentials.push({ label: c.label, action: 'reused' });
    }
    const choice = preview.status === 'conflict' ? choiceFor(preview.key, c.label, preview.notAllowed, choices, fallback) : 'keep-both';
    if (choice === 'skip' && localId) {
      localIdOf.set(i, localId);
      return void report.credentials.push({ label: c.label, action: 'skipped' });
    }
    if (choice === 'replace' && localId) {
      const local = deps.localCredentials.find((m) => m.id === localId) as CredentialMeta;
      // The bundle's label, unless another credential here holds it (then the local label stays).
      const heldByAnother = deps.localCredentials.some((m) => m.id !== localId && m.label.toLowerCase() === c.label.toLowerCase());
      items.push({ op: 'replace', id: localId, kind: c.kind, label: heldByAnother ? local.label : c.label, meta, secret: c.secret });
      localIdOf.set(i, localId);
      return void report.credentials.push({ label: c.label, action: 'replaced' });
    }
    const label = freeName(c.label, labels, (n) => (n === 2 ? '(imported)' : `(imported ${n - 1})`));
    const id = newCredentialId();
    items.push({ op: 'create', id, kind: c.kind, label, meta, secret: c.secret });
    localIdOf.set(i, id);
    report.credentials.push({ label, action: 'created' });
  });

  // Build and validate every landscape before the first write.
  const names = new Set(deps.localLandscapeNames.map((n) => n.toLowerCase()));
  const add: Landscape[] = [];
  const removeIds: string[] = [];
  const now = deps.now().toISOString();
  for (const [i, { preview, localId }] of plan.landscapes.entries()) {
    const file = doc.landscapes[i] as BundleDocument['landscapes'][number];
    const choice = preview.status === 'conflict' ? choiceFor(preview.key, file.landscape.name, undefined, choices, fallback) : 'keep-both';
    if (choice === 'skip') {
      report.landscapes.push({ name: file.landscape.name, action: 'skipped' });
      continue;
    }
    if (choice === 'replace' && localId) {
      removeIds.push(localId);
      names.delete(file.landscape.name.toLowerCase());
    }
    const name = choice === 'replace' ? file.landscape.name : freeName(file.landscape.name, names, (n) => `(${n})`);
    names.add(name.toLowerCase());
    const credentialIds = new Map<string, string>();
    for (const ref of credentialRefsOf(file)) {
      const index = findBundleCredential(doc, ref);
      const id = index >= 0 ? localIdOf.get(index) : await deps.links.findId(ref);
      if (id) credentialIds.set(credentialRefKey(ref), id);
      else report.unresolved.push(ref as FileCredentialRef);
    }
    const l = validateLandscape(fromLandscapeFile(file, { id: deps.newId(), name, now, credentialIds }));
    add.push(l);
    report.landscapes.push(choice === 'replace' && localId ? { name, id: l.id, replacedId: localId, action: 'replaced' } : { name, id: l.id, action: 'created' });
  }

  // Where each bundle credential landed, for the PGP keys' secret halves.
  const landed = new Map<string, Pick<CredentialMeta, 'id' | 'label' | 'fingerprints'>>();
  doc.credentials.forEach((c, i) => {
    const id = localIdOf.get(i);
    const item = items.find((x) => x.id === id);
    const local = deps.localCredentials.find((m) => m.id === id);
    if (id && item) landed.set(c.label, { id, label: item.label, fingerprints: (item.meta as Partial<CredentialMeta>).fingerprints ?? {} });
    else if (local) landed.set(c.label, local);
  });
  if (doc.pgpKeys.length && !deps.pgp) throw new AppError('INTERNAL', 'PGP keys cannot be imported here. Nothing was imported.');
  const pgpPlan = planPgpImport(doc, deps.pgp?.storedEntries() ?? [], labels, (label) => landed.get(label), now);
  if (pgpPlan.report.length) report.pgpKeys = pgpPlan.report;

  const receipt = await deps.importBatch(items);
  let pgpWritten: { undo(): void } | undefined;
  try {
    pgpWritten = deps.pgp?.importEntries(pgpPlan.add, pgpPlan.upgrade);
    deps.importLandscapes(add, removeIds);
  } catch (e) {
    pgpWritten?.undo();
    await receipt.undo();
    throw e instanceof AppError ? e : new AppError('WRITE_FAILED', 'The landscapes could not be saved; the credentials and PGP keys written for them were rolled back. Nothing was imported.');
  }
  receipt.commit();
  return report;
}
