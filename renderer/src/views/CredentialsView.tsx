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
import { OAuthClientForm } from './credentials/OAuthClientForm';
import { OrphanPanel } from './credentials/OrphanPanel';
import { ServiceKeyImport } from './credentials/ServiceKeyImport';

export function CredentialsView() {
  const { data, error, reload } = useApiResource<CredentialListData>(api.listCredentials);

  return (
    <section aria-labelledby="credentials-title" className="credentials">
      <header className="page-header">
        <h1 id="credentials-title">Credentials</h1>
        <p>Secrets stay in your operating system&apos;s keychain. This page shows labels, users and fingerprints; a password appears only when you reveal it, a private key never.</p>
      </header>
      {error && <p className="status status-error" role="alert">{error}</p>}
      {data && <KeychainBanner status={data.keychain} />}
      {data && <CredentialList credentials={data.credentials} usage={data.usage} onChanged={reload} />}
      <div className="form-columns">
        <BasicCredentialForm onCreated={reload} />
        <OAuthClientForm onCreated={reload} />
      </div>
      <ServiceKeyImport onImported={reload} />
      <OrphanPanel onRepaired={reload} />
    </section>
  );
}
