import { EmptyState } from '../components/EmptyState';

export function CertificatesView() {
  return (
    <EmptyState title="No keys or certificates yet">
      Keys, certificate requests and PKCS#12 files for the Cloud Integration keystore are prepared here,
      offline.
    </EmptyState>
  );
}
