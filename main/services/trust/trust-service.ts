/**
 * The landscape's trust, edited: its CA certificates and the modelled CI keystore. Certificates come
 * from a file the user chose (PEM, DER or PKCS#7) or from a chain a probe recorded; key pairs are
 * vault credentials linked by id. Every change is one read-modify-write of the landscape.
 */
import { AppError } from '../../../shared/result';
import { aliasProblem } from '../../../shared/landscape/rules-security';
import type { CiKeystoreEntry, Landscape } from '../../../shared/landscape/landscape-schema';
import { commonName, suggestAlias, type TrustChange, type TrustView } from '../../../shared/trust/trust-view';
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import type { LandscapesService } from '../landscapes/landscapes-service';
import { readCertificates, type ParsedCert } from '../material/cert-read';
import { buildTrustView } from './trust-view-build';

export interface TrustDeps {
  landscapes: Pick<LandscapesService, 'get' | 'modify'>;
  vault: { list(): Promise<CredentialMeta[]>; get(id: string): Promise<CredentialMeta> };
}

/** Kinds a keystore key pair can come from: a client certificate (HTTPS) or an SSH key (SFTP). */
const KEY_PAIR_KINDS = new Set(['client-certificate', 'ssh-key']);

export function createTrustService(deps: TrustDeps) {
  const view = async (ref: string): Promise<TrustView> => buildTrustView(deps.landscapes.get(ref), await deps.vault.list());
  const change = async (ref: string, message: string): Promise<TrustChange> => ({ view: await view(ref), message });

  function checkAlias(l: Landscape, alias: string, exceptAlias?: string): string {
    const problem = aliasProblem(alias);
    if (problem) throw new AppError('INVALID_INPUT', `${problem} Choose your own alias, e.g. acme_root_ca.`, 'alias');
    const clash = l.ciKeystore.find((e) => e.alias.toLowerCase() === alias.toLowerCase() && e.alias !== exceptAlias);
    if (clash) throw new AppError('ALIAS_TAKEN', `The keystore already has an entry "${clash.alias}" (CI keystore aliases ignore case): choose another alias.`, 'alias');
    return alias;
  }

  return {
    view,
    /** Adds every certificate of the input to the landscape's CAs; ones already there are skipped. */
    async addCas(ref: string, input: string | Uint8Array, label?: string): Promise<TrustChange> {
      const certs = readCertificates(input);
      const added: string[] = [];
      deps.landscapes.modify(ref, (l) => {
        const have = new Set(l.caCertificates.map((c) => c.fingerprintSha256));
        const fresh = certs.filter((c) => !have.has(c.facts.fingerprintSha256));
        const next = fresh.map((c, i) => ({ label: (label && certs.length === 1 ? label : commonName(c.facts.subject)).slice(0, 200) || `CA ${i + 1}`, pem: c.pem, fingerprintSha256: c.facts.fingerprintSha256 }));
        added.push(...next.map((c) => c.label));
        return { ...l, caCertificates: [...l.caCertificates, ...next] };
      });
      const skipped = certs.length - added.length;
      const msg = added.length ? `Added to the landscape’s CAs: ${added.join(', ')}.` : 'Already in the landscape’s CAs: nothing added.';
      return change(ref, skipped && added.length ? `${msg} ${skipped} already there.` : msg);
    },
    async removeCa(ref: string, fingerprintSha256: string): Promise<TrustChange> {
      let label = '';
      deps.landscapes.modify(ref, (l) => {
        const ca = l.caCertificates.find((c) => c.fingerprintSha256 === fingerprintSha256);
        if (!ca) throw new AppError('NOT_FOUND', 'That CA certificate is no longer in the landscape: the list is refreshed.', 'fingerprintSha256');
        label = ca.label;
        return { ...l, caCertificates: l.caCertificates.filter((c) => c !== ca) };
      });
      return change(ref, `Removed "${label}" from the landscape’s CAs.`);
    },
    /** A trusted certificate under an alias (CI: Keystore → Add → Certificate). One certificate only. */
    async addKeystoreCertificate(ref: string, input: string | Uint8Array, alias?: string): Promise<TrustChange> {
      const certs = readCertificates(input);
      if (certs.length !== 1) throw new AppError('INVALID_INPUT', `The file holds ${certs.length} certificates; CI adds one certificate per alias: choose a file with one.`, 'certificate');
      const cert = certs[0] as ParsedCert;
      let chosen = '';
      deps.landscapes.modify(ref, (l) => {
        chosen = checkAlias(l, alias?.trim() || suggestAlias(cert.facts.subject, l.ciKeystore.map((e) => e.alias)));
        const entry: CiKeystoreEntry = { alias: chosen, kind: 'certificate', pem: cert.pem, fingerprintSha256: cert.facts.fingerprintSha256 };
        return { ...l, ciKeystore: [...l.ciKeystore, entry] };
      });
      return change(ref, `Added "${commonName(cert.facts.subject)}" to the modelled CI keystore as "${chosen}".`);
    },
    /** A key pair alias linked to a vault credential (added, or relinked when the alias exists). */
    async setKeystoreKeyPair(ref: string, alias: string, credentialId: string): Promise<TrustChange> {
      const meta = await deps.vault.get(credentialId);
      if (!KEY_PAIR_KINDS.has(meta.kind)) {
        const hint = meta.kind === 'key-pair' ? 'its signed certificate has not been paired yet: pair the CA’s answer in Certificates first' : 'choose a client certificate or an SSH key';
        throw new AppError('INVALID_INPUT', `"${meta.label}" cannot be a keystore key pair: ${hint}.`, 'credentialId');
      }
      let verb = 'Added';
      deps.landscapes.modify(ref, (l) => {
        const existing = l.ciKeystore.find((e) => e.alias.toLowerCase() === alias.trim().toLowerCase());
        if (existing?.kind === 'certificate') throw new AppError('INVALID_INPUT', `"${existing.alias}" is a trusted certificate, not a key pair: choose another alias.`, 'alias');
        const entry: CiKeystoreEntry = { alias: existing?.alias ?? checkAlias(l, alias.trim()), kind: 'key-pair', credentialId };
        if (existing) verb = 'Linked';
        return { ...l, ciKeystore: existing ? l.ciKeystore.map((e) => (e === existing ? entry : e)) : [...l.ciKeystore, entry] };
      });
      return change(ref, `${verb} "${meta.label}" as key pair "${alias.trim()}" in the modelled CI keystore.`);
    },
    async removeKeystoreEntry(ref: string, alias: string): Promise<TrustChange> {
      deps.landscapes.modify(ref, (l) => {
        if (!l.ciKeystore.some((e) => e.alias === alias)) throw new AppError('NOT_FOUND', `The keystore has no entry "${alias}" any more: the list is refreshed.`, 'alias');
        return { ...l, ciKeystore: l.ciKeystore.filter((e) => e.alias !== alias) };
      });
      return change(ref, `Removed "${alias}" from the modelled CI keystore.`);
    },
  };
}

export type TrustService = ReturnType<typeof createTrustService>;
