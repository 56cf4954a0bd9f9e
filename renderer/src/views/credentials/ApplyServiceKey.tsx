/**
 * Applies an imported service key to a landscape: the runtime host and token URL go to the tenant
 * (so the inbound-host rule runs), and the chosen inbound pathway gets the runtime host in its
 * endpoint (its /http/… or /cxf/… path kept) and the created credential. Nothing is applied silently.
 */
import { useEffect, useState } from 'react';
import type { Landscape, LandscapeSummary } from '../../../../shared/landscape';
import type { PathwayView } from '../../../../shared/landscape/pathway-view';
import type { ServiceKeyImportResult } from '../../../../shared/vault/credential-responses';
import { parseRuntimeHost } from '../../../../shared/landscape/tenant-input';
import { api } from '../../api';
import { LandscapeSelect } from '../../components/LandscapeSelect';
import { StatusLine } from '../../components/StatusLine';
import { useTransientStatus } from '../../components/use-transient-status';

/** The runtime host exactly as the tenant form stores it (shared/landscape/tenant-input.ts). */
function hostOf(url: string): string {
  const r = parseRuntimeHost(url);
  return r.ok ? r.value : '';
}

/** The endpoint with the service key's runtime origin and the pathway's own path. */
export function applyRuntime(endpoint: string, runtimeUrl: string): string {
  const origin = runtimeUrl.replace(/\/+$/, '');
  const path = endpoint.replace(/^[a-z]+:\/\/[^/]*/i, '');
  return `${origin}${path}`;
}

export function ApplyServiceKey({ result }: { result: ServiceKeyImportResult }) {
  const [landscapes, setLandscapes] = useState<LandscapeSummary[]>([]);
  const [landscapeId, setLandscapeId] = useState('');
  const [detail, setDetail] = useState<{ landscape: Landscape; pathways: PathwayView[] } | null>(null);
  const [pathwayId, setPathwayId] = useState('');
  const { status, show } = useTransientStatus();
  useEffect(() => {
    void api.listLandscapes().then((r) => {
      if (!r.ok) return;
      setLandscapes(r.value);
      setLandscapeId((cur) => cur || r.value[0]?.id || '');
    });
  }, []);
  useEffect(() => {
    if (!landscapeId) return;
    void api.getLandscape({ landscapeId }).then((r) => {
      if (!r.ok) return;
      setDetail(r.value);
      setPathwayId(r.value.pathways.find((p) => p.direction === 'inbound')?.id ?? '');
    });
  }, [landscapeId]);
  const inbound = detail?.pathways.filter((p) => p.direction === 'inbound') ?? [];
  const { offer } = result;

  async function apply() {
    if (!detail) return;
    const runtimeHost = hostOf(offer.endpointUrl);
    const t = await api.updateLandscape({ landscapeId, patch: { tenant: { ...detail.landscape.tenant, runtimeHost, tokenUrl: offer.tokenUrl } } });
    if (!t.ok) return show('error', t.error.message);
    const pathway = detail.landscape.pathways.find((p) => p.id === pathwayId);
    if (pathway) {
      const credential = result.created[0];
      const p = await api.updatePathway({
        landscapeId,
        pathwayId,
        patch: { endpoint: applyRuntime(pathway.endpoint, offer.endpointUrl), ...(credential ? { credentialId: credential.id } : {}) },
      });
      if (!p.ok) return show('error', p.error.message);
      setDetail(p.value);
      return show('ok', `Applied to ${detail.landscape.name}: tenant runtime host ${runtimeHost}, pathway ${pathway.number} endpoint and credential.`);
    }
    setDetail(t.value);
    show('ok', `Applied to ${detail.landscape.name}: tenant runtime host ${runtimeHost} and token URL.`);
  }

  if (landscapes.length === 0) return <p className="muted">Create a landscape to apply these URLs to its tenant and an inbound pathway.</p>;
  return (
    <fieldset className="apply-service-key">
      <legend>Apply to a landscape</legend>
      <LandscapeSelect landscapes={landscapes} value={landscapeId} onChange={setLandscapeId} />
      <label>
        Inbound pathway
        <select value={pathwayId} onChange={(e) => setPathwayId(e.target.value)}>
          <option value="">Tenant only (no pathway)</option>
          {inbound.map((p) => (
            <option key={p.id} value={p.id}>
              Pathway {p.number}: {p.from} → {p.to}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn-primary" onClick={() => void apply()} disabled={!detail}>
        Apply URLs
      </button>
      <StatusLine status={status} />
    </fieldset>
  );
}
