/**
 * Message-level security of one direction: which PGP operations CI performs, with which keys, and
 * the user IDs typed into the iFlow's PGP steps. Saved as the pathway's `pgp` (keys by fingerprint);
 * the steps above ("where it is maintained") then say which keyring goes where.
 */
import { useEffect, useState } from 'react';
import type { Pathway } from '../../../shared/landscape';
import type { Direction } from '../../../shared/landscape/vocabulary';
import type { PgpKeySummary } from '../../../shared/pgp/pgp-types';
import { api } from '../api';
import type { SavePatch } from './PathwayConfigForm';

export function PgpPathwayFields({ pathway: p, direction, onSave }: { pathway: Pathway; direction: Direction; onSave: SavePatch }) {
  const [keys, setKeys] = useState<PgpKeySummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void api.listPgpKeys().then((r) => (r.ok ? setKeys(r.value.keys.map((k) => k.key)) : setError(r.error.message)));
  }, []);
  const pgp = p.pgp;
  const out = direction === 'outbound';
  const save = async (next: Pathway['pgp'] | undefined) => {
    const e = await onSave({ pgp: next });
    setError(e ? e.message : null);
  };
  const set = (patch: Partial<NonNullable<Pathway['pgp']>>) => {
    const merged = { encrypt: true, sign: true, ...(pgp ?? {}), ...patch };
    for (const k of Object.keys(merged) as (keyof typeof merged)[]) if (merged[k] === '' || merged[k] === undefined) delete merged[k];
    void save(merged);
  };
  const own = keys?.filter((k) => k.role === 'own') ?? [];
  const partners = keys ?? [];
  const uidOf = (fpr: string) => keys?.find((k) => k.fingerprint === fpr)?.primaryUserId;

  return (
    <fieldset className="cred-form" aria-label="PGP (message-level security)">
      <legend>PGP (message-level security)</legend>
      <label className="inline-check">
        <input type="checkbox" checked={!!pgp} onChange={(e) => void save(e.target.checked ? { encrypt: true, sign: true } : undefined)} /> This pathway carries PGP-encrypted or signed messages
      </label>
      {pgp && (
        <>
          <label className="inline-check"><input type="checkbox" checked={pgp.encrypt} onChange={(e) => set({ encrypt: e.target.checked })} /> {out ? 'Encrypt for the receiver (PGP Encryptor)' : "Decrypt the sender's messages (PGP Decryptor)"}</label>
          <label className="inline-check"><input type="checkbox" checked={pgp.sign} onChange={(e) => set({ sign: e.target.checked })} /> {out ? 'Sign with our key' : "Verify the sender's signature"}</label>
          <label>
            Our key (secret keyring on the tenant)
            <select value={pgp.ownKey ?? ''} onChange={(e) => set({ ownKey: e.target.value || undefined, ...(e.target.value && out ? { ownUserId: uidOf(e.target.value) } : {}) })}>
              <option value="">— choose —</option>
              {own.map((k) => <option key={k.fingerprint} value={k.fingerprint}>{k.label} ({k.keyId})</option>)}
            </select>
          </label>
          <label>
            Partner's key (public keyring on the tenant)
            <select value={pgp.partnerKey ?? ''} onChange={(e) => set({ partnerKey: e.target.value || undefined, ...(e.target.value ? { partnerUserId: uidOf(e.target.value) } : {}) })}>
              <option value="">— choose —</option>
              {partners.map((k) => <option key={k.fingerprint} value={k.fingerprint}>{k.label} ({k.keyId})</option>)}
            </select>
          </label>
          <label>
            {out ? 'Encryption Key User ID (typed into the PGP Encryptor)' : 'Signer User ID of the sender (typed into the PGP Decryptor)'}
            <input defaultValue={pgp.partnerUserId ?? ''} key={`p-${pgp.partnerUserId}`} onBlur={(e) => e.target.value !== (pgp.partnerUserId ?? '') && set({ partnerUserId: e.target.value })} />
          </label>
          {out && (
            <label>
              Signer User ID (typed into the PGP Encryptor or Signer)
              <input defaultValue={pgp.ownUserId ?? ''} key={`o-${pgp.ownUserId}`} onBlur={(e) => e.target.value !== (pgp.ownUserId ?? '') && set({ ownUserId: e.target.value })} />
            </label>
          )}
          <p className="muted">CI takes every key whose user ID contains the value: run the PGP lint (landscape pgp lint --landscape) before the upload.</p>
        </>
      )}
      {error && <p role="alert">{error}</p>}
    </fieldset>
  );
}
