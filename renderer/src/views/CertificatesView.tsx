/**
 * Certificates: keys, certificates and SSH keys with fingerprints, expiry and lint findings, and the
 * guided new-client-certificate flow. Private keys never reach the renderer; only public data does.
 */
import { useState } from 'react';
import type { MaterialSummary } from '../../../shared/certs/material-responses';
import { api } from '../api';
import { useApiResource } from '../components/use-api-resource';
import { MaterialList } from './certificates/MaterialList';
import { NewCertificateFlow } from './certificates/NewCertificateFlow';
import { NewSshKeyForm } from './certificates/NewSshKeyForm';
import { ImportMaterialForm } from './certificates/ImportMaterialForm';
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import { PgpSection } from './certificates/PgpSection';

export function CertificatesView() {
  const { data, error, reload } = useApiResource<MaterialSummary>(api.listMaterial);
  // A waiting key the user chose to continue with; the flow below remounts for it.
  const [resume, setResume] = useState<CredentialMeta | null>(null);

  return (
    <section aria-labelledby="certificates-title" className="certificates">
      <h1 id="certificates-title">Certificates</h1>
      <p className="muted">Keys, certificate requests and PKCS#12 files for the Cloud Integration keystore, prepared offline. Private keys stay in your keychain.</p>
      {error && <p role="alert">{error}</p>}
      {data && (
        <MaterialList
          data={data}
          onContinue={(k) => {
            setResume(k);
            queueMicrotask(() => document.getElementById('new-cert-title')?.scrollIntoView());
          }}
        />
      )}
      <NewCertificateFlow key={resume?.id ?? 'new'} resume={resume} onChanged={() => void reload()} />
      <ImportMaterialForm onImported={() => void reload()} />
      <NewSshKeyForm onCreated={() => void reload()} />
      <PgpSection />
    </section>
  );
}
