/**
 * Gathers what a bundle carries: each landscape in the landscape-file format (the same refusal
 * of private keys in a landscape applies) and every credential it references — pathways, manual
 * proxies, the modelled CI keystore — with its public metadata and its secret from the keychain.
 * The result is an in-memory document; only its ciphertext is ever written.
 */
import { buildBundleDocument, type BundleCredentialInput, type BundleDocument } from '../../../shared/bundle/bundle-document';
import { parseLandscapeFile } from '../../../shared/landscape/landscape-file';
import type { Landscape } from '../../../shared/landscape/landscape-schema';
import { AppError } from '../../../shared/result';
import type { CredentialMeta, SecretPayload } from '../../../shared/vault/credential-kinds';
import { createVaultCredentialLinks } from '../landscapes/credential-links';
import type { LandscapesService } from '../landscapes/landscapes-service';
import { gatherPgpKeys, type BundlePgpPort } from './bundle-pgp';

export interface ExportVault {
  list(): Promise<CredentialMeta[]>;
  get(id: string): Promise<CredentialMeta>;
  readSecret(id: string): Promise<SecretPayload>;
}

export interface GatheredBundle {
  doc: BundleDocument;
  names: string[];
  unlinked: string[];
}

export function credentialIdsOf(l: Landscape): string[] {
  const ids = [
    ...l.pathways.flatMap((p) => [p.credentialId, p.proxy.type === 'manual' ? p.proxy.credentialId : undefined]),
    ...l.ciKeystore.map((e) => e.credentialId),
  ];
  return [...new Set(ids.filter((x): x is string => !!x))];
}

function publicMeta(meta: CredentialMeta): BundleCredentialInput['meta'] {
  const { id: _id, kind: _k, label: _l, createdAt: _c, updatedAt: _u, ...rest } = meta;
  return rest;
}

export async function gatherBundle(refs: string[], deps: { vault: ExportVault; landscapes: LandscapesService; now: () => Date; pgp?: BundlePgpPort }): Promise<GatheredBundle> {
  const landscapes = [...new Map(refs.map((r) => deps.landscapes.get(r)).map((l) => [l.id, l])).values()];
  const links = createVaultCredentialLinks(deps.vault);
  const known = new Set((await deps.vault.list()).map((c) => c.id));
  const files = [];
  const unlinked = new Set<string>();
  const ids = new Set<string>();
  for (const l of landscapes) {
    const exported = await deps.landscapes.files.exportText(l.id, links);
    const parsed = parseLandscapeFile(exported.text);
    if (!parsed.ok) throw new AppError('INTERNAL', 'The landscape could not be written in the landscape-file format.');
    files.push(parsed.file);
    for (const id of exported.unlinked) unlinked.add(id);
    for (const id of credentialIdsOf(l)) if (known.has(id)) ids.add(id);
  }
  // PGP keys the pathways use: public halves as entries, own keys' secret halves as credentials.
  const pgp = deps.pgp ? gatherPgpKeys(landscapes, deps.pgp.storedEntries()) : { entries: [], credentialIds: [] };
  for (const id of pgp.credentialIds) if (known.has(id)) ids.add(id);
  const labelOf = new Map<string, string>();
  const credentials: BundleCredentialInput[] = [];
  for (const id of ids) {
    const meta = await deps.vault.get(id);
    let secret: SecretPayload;
    try {
      secret = await deps.vault.readSecret(id);
    } catch (e) {
      const why = e instanceof AppError ? e.message : 'it could not be read';
      throw new AppError('SECRET_MISSING', `The secret of credential "${meta.label}" cannot be read (${why}) Nothing was written: repair it under Credentials, or remove it from the pathway, and export again.`, 'landscapeIds');
    }
    credentials.push({ label: meta.label, kind: meta.kind, meta: publicMeta(meta), secret });
    labelOf.set(id, meta.label);
  }
  const pgpKeys = pgp.entries.map((e) => {
    const credential = e.credentialId ? labelOf.get(e.credentialId) : undefined;
    return { label: e.label, fingerprint: e.fingerprint, publicKey: e.publicKey, ...(credential ? { credential } : {}) };
  });
  return { doc: buildBundleDocument(files, credentials, deps.now().toISOString(), pgpKeys), names: landscapes.map((l) => l.name), unlinked: [...unlinked] };
}
