/**
 * PGP keys in a bundle. Export: every key a landscape's pathways use (pathway.pgp fingerprints)
 * travels with its public half; an own key's secret half is its vault credential (kind pgp-key:
 * the locked private key and its passphrase), carried as an ordinary bundle credential. Import:
 * after the credentials are planned, each key becomes a pgp-keys.json entry linked to the vault
 * credential that now holds its secret half — or is reused when this laptop has the key already.
 */
import type { BundleDocument, BundlePgpKey } from '../../../shared/bundle/bundle-document';
import type { FileProblem } from '../../../shared/landscape/landscape-file';
import type { Landscape } from '../../../shared/landscape/landscape-schema';
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';

/** What a bundle needs of services.pgp (its stored entries; writing imported ones). */
export interface BundlePgpPort {
  storedEntries(): StoredPgpEntry[];
  importEntries(add: StoredPgpEntry[], upgrade: Array<{ fingerprint: string; credentialId: string }>): { undo(): void };
}

export interface StoredPgpEntry {
  label: string;
  fingerprint: string;
  publicKey: string;
  credentialId?: string;
  addedAt: string;
}

export function pgpFingerprintsOf(l: Landscape): string[] {
  return l.pathways.flatMap((p) => [p.pgp?.ownKey, p.pgp?.partnerKey]).filter((f): f is string => !!f);
}

/** The entries the landscapes use; `credentialIds` are the own keys' vault credentials to carry. */
export function gatherPgpKeys(landscapes: Landscape[], stored: StoredPgpEntry[]): { entries: StoredPgpEntry[]; credentialIds: string[] } {
  const used = new Set(landscapes.flatMap(pgpFingerprintsOf));
  const entries = stored.filter((e) => used.has(e.fingerprint));
  return { entries, credentialIds: entries.flatMap((e) => (e.credentialId ? [e.credentialId] : [])) };
}

/** Each key's credential must be a pgp-key credential of the bundle for the same key. */
export function validatePgpKeys(doc: BundleDocument): FileProblem[] {
  const problems: FileProblem[] = [];
  const seen = new Set<string>();
  doc.pgpKeys.forEach((k, i) => {
    const at = `$.pgpKeys[${i}]`;
    if (seen.has(k.fingerprint)) problems.push({ path: `${at}.fingerprint`, message: 'the same PGP key twice' });
    seen.add(k.fingerprint);
    if (!k.credential) return;
    const c = doc.credentials.find((x) => x.label === k.credential);
    if (!c || c.kind !== 'pgp-key') problems.push({ path: `${at}.credential`, message: `no PGP key credential "${k.credential}" in the bundle` });
    else if (c.meta.fingerprints?.pgp !== k.fingerprint) problems.push({ path: `${at}.credential`, message: `credential "${k.credential}" holds another PGP key` });
  });
  return problems;
}

export interface PgpImportPlan {
  add: StoredPgpEntry[];
  upgrade: Array<{ fingerprint: string; credentialId: string }>;
  report: Array<{ label: string; action: 'created' | 'reused' | 'secret-added' }>;
}

/**
 * `credentialOf(label)`: where the bundle credential of that label landed here (created, replaced,
 * reused or skipped → the local one) and the PGP key that credential holds; only a credential
 * holding this very key becomes the entry's secret half.
 */
export function planPgpImport(doc: BundleDocument, stored: StoredPgpEntry[], takenLabels: Set<string>, credentialOf: (label: string) => Pick<CredentialMeta, 'id' | 'label' | 'fingerprints'> | undefined, now: string): PgpImportPlan {
  const plan: PgpImportPlan = { add: [], upgrade: [], report: [] };
  const here = new Map(stored.map((e) => [e.fingerprint, e]));
  const taken = new Set([...takenLabels, ...stored.map((e) => e.label)].map((l) => l.toLowerCase()));
  for (const k of doc.pgpKeys as BundlePgpKey[]) {
    const cred = k.credential ? credentialOf(k.credential) : undefined;
    const secretHalf = cred && cred.fingerprints?.pgp === k.fingerprint ? cred : undefined;
    const local = here.get(k.fingerprint);
    if (local) {
      if (!local.credentialId && secretHalf) {
        plan.upgrade.push({ fingerprint: k.fingerprint, credentialId: secretHalf.id });
        plan.report.push({ label: local.label, action: 'secret-added' });
      } else plan.report.push({ label: local.label, action: 'reused' });
      continue;
    }
    // An own key keeps its credential's label (as `pgp new` makes them); a partner key gets a free one.
    let label = secretHalf?.label ?? k.label;
    if (!secretHalf) for (let n = 2; taken.has(label.toLowerCase()); n++) label = `${k.label} ${n === 2 ? '(imported)' : `(imported ${n - 1})`}`;
    taken.add(label.toLowerCase());
    plan.add.push({ label, fingerprint: k.fingerprint, publicKey: k.publicKey, ...(secretHalf ? { credentialId: secretHalf.id } : {}), addedAt: now });
    plan.report.push({ label, action: 'created' });
  }
  return plan;
}
