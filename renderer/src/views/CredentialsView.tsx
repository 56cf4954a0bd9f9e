/**
 * Credentials: metadata from the vault, never a secret in state — except the one a user asked to
 * reveal, held by that row only while it is shown.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CredentialList as CredentialListData } from '../../../shared/vault/credential-responses';
import { api } from '../api';
import { BasicCredentialForm } from './credentials/BasicCredentialForm';
import { CredentialList } from './credentials/CredentialList';
import { KeychainBanner } from './credentials/KeychainBanner';
import { OrphanPanel } from './credentials/OrphanPanel';
import { ServiceKeyImport } from './credentials/ServiceKeyImport';

export function CredentialsView() {
  const [data, setData] = useState<CredentialListData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const r = await api.listCredentials();
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error.message);
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section aria-labelledby="credentials-title" className="credentials">
      <h1 id="credentials-title">Credentials</h1>
      <p className="muted">Secrets stay in your operating system&apos;s keychain. This page shows labels, users and fingerprints; a secret appears only when you reveal it.</p>
      {error && <p role="alert">{error}</p>}
      {data && <KeychainBanner status={data.keychain} />}
      {data && <CredentialList credentials={data.credentials} usage={data.usage} onChanged={reload} />}
      <BasicCredentialForm onCreated={reload} />
      <ServiceKeyImport onImported={reload} />
      <OrphanPanel onRepaired={reload} />
    </section>
  );
}
