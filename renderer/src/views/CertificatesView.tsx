/**
 * Certificates: keys, certificates and SSH keys with fingerprints, expiry and lint findings, and the
 * guided new-client-certificate flow. Private keys never reach the renderer; only public data does.
 */
import type { MaterialSummary } from '../../../shared/certs/material-responses';
import { api } from '../api';
import { useApiResource } from '../components/use-api-resource';
import { MaterialList } from './certificates/MaterialList';
import { NewCertificateFlow } from './certificates/NewCertificateFlow';
import { NewSshKeyForm } from './certificates/NewSshKeyForm';

export function CertificatesView() {
  const { data, error, reload } = useApiResource<MaterialSummary>(api.listMaterial);

  return (
    <section aria-labelledby="certificates-title" className="certificates">
      <h1 id="certificates-title">Certificates</h1>
      <p className="muted">Keys, certificate requests and PKCS#12 files for the Cloud Integration keystore, prepared offline. Private keys stay in your keychain.</p>
      {error && <p role="alert">{error}</p>}
      {data && <MaterialList data={data} />}
      <NewCertificateFlow onChanged={() => void reload()} />
      <NewSshKeyForm onCreated={() => void reload()} />
    </section>
  );
}
