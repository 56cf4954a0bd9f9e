/** The landscape's CA certificates: what the senders and this laptop trust beside the OS store. */
import type { TrustView } from '../../../../shared/trust/trust-view';
import { api } from '../../api';
import { formatDate } from '../../components/format-date';
import { ConfirmButton } from '../../diagram/ConfirmButton';
import type { ApplyChange } from '../TrustView';
import { chooseCertificate } from './choose-certificate';

export function CaSection({ trust, apply }: { trust: TrustView; apply: ApplyChange }) {
  const importCa = async () => {
    const chosen = await chooseCertificate('A CA certificate for the landscape (PEM, DER or PKCS#7)');
    if (chosen.error) return apply(Promise.resolve({ ok: false, error: { code: 'DIALOG', message: chosen.error } }));
    if (chosen.path) await apply(api.addTrustedCa({ landscapeId: trust.landscapeId, path: chosen.path }));
  };
  return (
    <section className="section" aria-labelledby="trust-cas-title">
      <h2 id="trust-cas-title">The landscape’s CA certificates</h2>
      <p className="muted">Trusted by the senders of inbound pathways and by this laptop’s probes, beside the operating system’s store. Import each customer root and intermediate CA here and into the sender’s own trust store.</p>
      {trust.cas.length === 0 ? (
        <p>No CA certificates yet: probes trust only the operating system’s store.</p>
      ) : (
        <table className="cred-table" aria-label="The landscape’s CA certificates">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Subject</th>
              <th scope="col">Valid until</th>
              <th scope="col">SHA-256 fingerprint</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {trust.cas.map((c) => (
              <tr key={c.fingerprintSha256}>
                <td>{c.label}{!c.isCa && <span className="muted"> (not a CA certificate)</span>}</td>
                <td>{c.subject}</td>
                <td>{formatDate(c.notAfter)}</td>
                <td className="fingerprint">{c.fingerprintSha256}</td>
                <td>
                  <ConfirmButton label="Remove…" confirmLabel={`Remove ${c.label}`} onConfirm={() => void apply(api.removeTrustedCa({ landscapeId: trust.landscapeId, fingerprintSha256: c.fingerprintSha256 }))} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => void importCa()}>
        Import CA certificate…
      </button>
    </section>
  );
}
