/**
 * The modelled CI keystore: each alias holds a trusted certificate (Add → Certificate) or a key pair
 * (Add → Key Pair, from a vault client certificate or SSH key). Pathways name key pairs by alias.
 */
import { useEffect, useState } from 'react';
import type { TrustView } from '../../../../shared/trust/trust-view';
import type { CredentialMeta } from '../../../../shared/vault/credential-kinds';
import { api } from '../../api';
import { formatDate } from '../../components/format-date';
import { ConfirmButton } from '../../diagram/ConfirmButton';
import type { ApplyChange } from '../TrustView';
import { chooseCertificate } from './choose-certificate';

const KEY_PAIR_KINDS = ['client-certificate', 'ssh-key'];

export function KeystoreSection({ trust, apply }: { trust: TrustView; apply: ApplyChange }) {
  const [keys, setKeys] = useState<CredentialMeta[]>([]);
  const [alias, setAlias] = useState('');
  const [credentialId, setCredentialId] = useState('');
  const id = trust.landscapeId;
  useEffect(() => {
    void api.listCredentials().then((r) => r.ok && setKeys(r.value.credentials.filter((c) => KEY_PAIR_KINDS.includes(c.kind))));
  }, []);
  const addCertificate = async () => {
    const chosen = await chooseCertificate('A certificate for the CI keystore (PEM or DER)');
    if (chosen.error) return apply(Promise.resolve({ ok: false, error: { code: 'DIALOG', message: chosen.error } }));
    if (chosen.path) await apply(api.addKeystoreCertificate({ landscapeId: id, path: chosen.path, ...(alias.trim() ? { alias: alias.trim() } : {}) }));
  };
  const addKeyPair = async () => {
    if (await apply(api.setKeystoreKeyPair({ landscapeId: id, alias: alias.trim(), credentialId }))) setAlias('');
  };
  return (
    <section className="section" aria-labelledby="trust-keystore-title">
      <h2 id="trust-keystore-title">Cloud Integration keystore (modelled)</h2>
      <p className="muted">What the tenant holds under Monitor → Manage Security → Keystore. Outbound probes trust only these certificates; a pathway’s Private Key Alias must name a key pair here.</p>
      {trust.keystore.length === 0 ? (
        <p>The modelled keystore is empty: outbound probes will report every server as untrusted by Cloud Integration.</p>
      ) : (
        <table className="cred-table" aria-label="Cloud Integration keystore">
          <thead>
            <tr>
              <th scope="col">Alias</th>
              <th scope="col">Holds</th>
              <th scope="col">Valid until</th>
              <th scope="col">Used by</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {trust.keystore.map((e) => (
              <tr key={e.alias} data-alias={e.alias}>
                <td>{e.alias}</td>
                <td>
                  {e.kind === 'certificate' ? `Trusted certificate: ${e.certificate?.subject ?? 'unreadable'}` : `Key pair: ${e.credentialLabel ?? 'no credential linked'}`}
                  {e.problem && <span className="field-error" role="note">{e.problem}</span>}
                  {e.kind === 'key-pair' && (
                    <label className="inline-field">
                      Credential
                      <select aria-label={`Credential of ${e.alias}`} value={e.credentialId ?? ''} onChange={(ev) => ev.target.value && void apply(api.setKeystoreKeyPair({ landscapeId: id, alias: e.alias, credentialId: ev.target.value }))}>
                        <option value="">— choose —</option>
                        {keys.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
                      </select>
                    </label>
                  )}
                </td>
                <td>{e.certificate ? formatDate(e.certificate.notAfter) : '—'}</td>
                <td>{e.pathways.length ? e.pathways.map((n) => `Pathway ${n}`).join(', ') : '—'}</td>
                <td>
                  <ConfirmButton label="Remove…" confirmLabel={`Remove ${e.alias}`} onConfirm={() => void apply(api.removeKeystoreEntry({ landscapeId: id, alias: e.alias }))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="cred-form" role="group" aria-label="Add to the keystore">
        <label htmlFor="keystore-alias">Alias</label>
        <input id="keystore-alias" value={alias} placeholder="e.g. acme_sscv2_client (not sap_…)" onChange={(e) => setAlias(e.target.value)} />
        <label htmlFor="keystore-credential">Key pair from the vault</label>
        <select id="keystore-credential" value={credentialId} onChange={(e) => setCredentialId(e.target.value)}>
          <option value="">— choose a client certificate or SSH key —</option>
          {keys.map((k) => <option key={k.id} value={k.id}>{k.label}</option>)}
        </select>
        <div className="form-actions">
          <button type="button" className="btn-primary" disabled={!alias.trim() || !credentialId} onClick={() => void addKeyPair()}>
            Add key pair
          </button>
          <button type="button" onClick={() => void addCertificate()}>
            Add trusted certificate…
          </button>
        </div>
        {keys.length === 0 && <p className="muted">No client certificate or SSH key in the vault yet: make or import one under Certificates.</p>}
      </div>
    </section>
  );
}
