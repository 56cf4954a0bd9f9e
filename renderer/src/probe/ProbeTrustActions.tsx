/**
 * The trust fixes a probe result offers as actions, as CI's own TLS connectivity test does: when the
 * server sent a valid root that the modelled CI keystore lacks, “Add to keystore” (under an alias the
 * user may change); when the root is missing from the landscape's CAs, “Add to the landscape's CAs”
 * (the root the server sent, or a CA file chosen in the dialog when it sent none). Then probe again.
 */
import { useState } from 'react';
import type { Finding, ProbeResult } from '../../../shared/probe/probe-types';
import type { ProbeHistoryEntry } from '../../../shared/ipc/probe-channels';
import { suggestAlias } from '../../../shared/trust/trust-view';
import { api } from '../api';
import { StatusLine } from '../components/StatusLine';
import { useTransientStatus } from '../components/use-transient-status';
import '../views/trust/trust.css';

const KEYSTORE_CODES = ['tls.add-root-offered'];
const CA_CODES = ['tls.untrusted-os', 'tls.untrusted-sender'];

export function ProbeTrustActions({ landscapeId, result }: { landscapeId: string; result: ProbeResult | ProbeHistoryEntry }) {
  const findings: Finding[] = result.findings ?? [];
  const root = result.chain?.find((c) => c.selfSigned && c.pem);
  const wantsKeystore = findings.some((f) => KEYSTORE_CODES.includes(f.code));
  const wantsCa = findings.some((f) => CA_CODES.includes(f.code));
  const [alias, setAlias] = useState(() => (root ? suggestAlias(root.subject) : ''));
  const [done, setDone] = useState<{ keystore?: boolean; ca?: boolean }>({});
  const { status, show } = useTransientStatus();
  if (!wantsKeystore && !wantsCa) return null;

  const after = (r: Awaited<ReturnType<typeof api.addTrustedCa>>, key: 'keystore' | 'ca') => {
    if (!r.ok) return show('error', r.error.message);
    setDone((d) => ({ ...d, [key]: true }));
    // The landscape's change is announced by main (landscapes:changed): the diagram reloads itself.
    show('ok', `${r.value.message} Probe again to see the new verdict.`);
  };
  const addToKeystore = async () => root?.pem && after(await api.addKeystoreCertificate({ landscapeId, pem: root.pem, alias: alias.trim() || undefined }), 'keystore');
  const addToCas = async () => {
    if (root?.pem) return after(await api.addTrustedCa({ landscapeId, pem: root.pem }), 'ca');
    const chosen = await api.chooseOpenPath({ title: 'The root CA certificate (PEM or DER)', filters: [{ name: 'Certificates', extensions: ['pem', 'crt', 'cer', 'der'] }] });
    if (!chosen.ok) return show('error', chosen.error.message);
    if (!chosen.value.path) return;
    after(await api.addTrustedCa({ landscapeId, path: chosen.value.path }), 'ca');
  };
  return (
    <div className="probe-trust-actions" data-testid="probe-trust-actions">
      {wantsKeystore && root?.pem && !done.keystore && (
        <div className="inline-form">
          <label htmlFor={`probe-alias-${result.probeId}`}>Alias in the CI keystore</label>
          <input id={`probe-alias-${result.probeId}`} value={alias} onChange={(e) => setAlias(e.target.value)} />
          <button type="button" className="btn-primary" onClick={() => void addToKeystore()}>
            Add to keystore
          </button>
        </div>
      )}
      {wantsCa && !done.ca && (
        <button type="button" onClick={() => void addToCas()}>
          {root?.pem ? `Add “${root.subject}” to the landscape’s CAs` : 'Add the root CA file to the landscape’s CAs…'}
        </button>
      )}
      <StatusLine status={status} testId="probe-trust-status" />
    </div>
  );
}
