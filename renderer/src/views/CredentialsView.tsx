/**
 * Credentials: metadata from the vault, never a secret in state — except the one a user asked to
 * reveal, held by that row only while it is shown.
 */
import type { CredentialList as CredentialListData } from '../../../shared/vault/credential-responses';
import { api } from '../api';
import { useApiResource } from '../components/use-api-resource';
import { BasicCredentialForm } from './credentials/BasicCredentialForm';
import { CredentialList } from './credentials/CredentialList';
import { KeychainBanner } from './credentials/KeychainBanner';
import { OrphanPanel } from './credentials/OrphanPanel';
import { ServiceKeyImport } from './credentials/ServiceKeyImport';

export function CredentialsView() {
  const { data, error, reload } = useApiResource<CredentialListData>(api.listCredentials);

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
