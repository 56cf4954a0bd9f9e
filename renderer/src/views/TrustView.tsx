/**
 * Trust: per landscape, the CA certificates the senders and this laptop trust, and the modelled
 * Cloud Integration keystore (what Monitor → Manage Security → Keystore holds). Probes judge
 * outbound chains against the keystore and inbound ones against the CAs, so both are edited here.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LandscapeSummary } from '../../../shared/landscape';
import type { TrustChange, TrustView as Trust } from '../../../shared/trust/trust-view';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { EmptyState } from '../components/EmptyState';
import { LandscapeSelect } from '../components/LandscapeSelect';
import { StatusLine } from '../components/StatusLine';
import { useTransientStatus } from '../components/use-transient-status';
import { CaSection } from './trust/CaSection';
import './trust/trust.css';
import { KeystoreSection } from './trust/KeystoreSection';

const SELECTED_KEY = 'landscape-setup.selected-landscape';

function remembered(): string {
  try {
    return localStorage.getItem(SELECTED_KEY) ?? '';
  } catch {
    return '';
  }
}

export type ApplyChange = (r: Promise<Result<TrustChange>>) => Promise<boolean>;

export function TrustView() {
  const [landscapes, setLandscapes] = useState<LandscapeSummary[] | null>(null);
  const [landscapeId, setLandscapeId] = useState(remembered);
  const [trust, setTrust] = useState<Trust | null>(null);
  const { status, show } = useTransientStatus();
  useEffect(() => {
    void api.listLandscapes().then((r) => {
      if (!r.ok) return show('error', r.error.message);
      setLandscapes(r.value);
      setLandscapeId((cur) => (r.value.some((l) => l.id === cur) ? cur : (r.value[0]?.id ?? '')));
    });
  }, [show]);
  useEffect(() => {
    if (!landscapeId) return;
    void api.getTrust({ landscapeId }).then((r) => (r.ok ? setTrust(r.value) : show('error', r.error.message)));
  }, [landscapeId, show]);
  const apply: ApplyChange = useCallback(
    async (r) => {
      const res = await r;
      if (!res.ok) {
        show('error', res.error.message);
        return false;
      }
      setTrust(res.value.view);
      show('ok', res.value.message);
      return true;
    },
    [show],
  );
  return (
    <section aria-labelledby="trust-title" className="trust">
      <h1 id="trust-title">Trust</h1>
      <p className="muted">
        What the systems trust. Outbound, Cloud Integration trusts only its keystore (Monitor → Manage Security → Keystore): model it here and the probes judge as CI will. Inbound, the sender trusts its own store: add the customer’s CAs to the landscape’s CAs.
      </p>
      {landscapes && landscapes.length === 0 && <EmptyState title="No landscape yet">Create a landscape on the Landscape screen first; its trust is kept with it.</EmptyState>}
      {landscapes && landscapes.length > 0 && (
        <LandscapeSelect className="inline-field" landscapes={landscapes} value={landscapeId} onChange={setLandscapeId} />
      )}
      <StatusLine status={status} testId="trust-status" />
      {trust && trust.landscapeId === landscapeId && (
        <>
          <KeystoreSection trust={trust} apply={apply} />
          <CaSection trust={trust} apply={apply} />
        </>
      )}
    </section>
  );
}
