/**
 * "This laptop's route" in the direction panel: how probes of this landscape reach their peers
 * (system settings, direct, environment, PAC file, manual proxy, with the proxy's Basic credential
 * from the vault) and the route the next probe of this pathway will take, resolved before it runs.
 * Cloud Integration never uses this proxy: it is the consultant's network, said in the panel.
 */
import { useCallback, useEffect, useState } from 'react';
import type { RoutePreview } from '../../../shared/probe/probe-types';
import { api } from '../api';
import { ROUTE_MODES, ROUTE_MODE_LABELS, formOf, routeOf, type RouteForm } from './route-choice';

interface ProxyCredential {
  id: string;
  label: string;
}

export function RouteSection({ landscapeId, pathwayId, endpoint }: { landscapeId: string; pathwayId: string; endpoint?: string }) {
  const [form, setForm] = useState<RouteForm | null>(null);
  const [credentials, setCredentials] = useState<ProxyCredential[]>([]);
  const [preview, setPreview] = useState<RoutePreview | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [saved, setSaved] = useState(false);

  const refreshPreview = useCallback(async () => {
    const r = await api.previewProbeRoute({ landscapeId, pathwayId });
    setPreview(r.ok ? r.value : { route: 'cannot be shown', finding: undefined });
  }, [landscapeId, pathwayId]);

  // A changed endpoint (another host) can change the PAC file's or the system's answer.
  useEffect(() => {
    void refreshPreview();
  }, [endpoint, refreshPreview]);

  useEffect(() => {
    let live = true;
    void (async () => {
      const [l, c] = await Promise.all([api.getLandscape({ landscapeId }), api.listCredentials()]);
      if (!live) return;
      if (l.ok) setForm(formOf(l.value.landscape.network));
      if (c.ok) setCredentials(c.value.credentials.filter((x) => x.kind === 'basic').map((x) => ({ id: x.id, label: x.label })));
      await refreshPreview();
    })();
    return () => {
      live = false;
    };
  }, [landscapeId, refreshPreview]);

  if (!form) return null;
  const set = (patch: Partial<RouteForm>) => {
    setSaved(false);
    setForm({ ...form, ...patch });
  };
  const apply = async () => {
    const r = routeOf(form);
    if ('error' in r) return setError({ message: r.error, field: r.field });
    const res = await api.updateLandscape({ landscapeId, patch: { network: r.route } });
    if (!res.ok) return setError({ message: res.error.message });
    setError(null);
    setSaved(true);
    await refreshPreview();
  };
  const fieldError = (field: string) => (error?.field === field ? <span className="field-error" role="alert">{error.message}</span> : null);
  const needsCredential = form.mode === 'pac' || form.mode === 'manual' || form.mode === 'system';

  return (
    <section aria-labelledby={`route-title-${pathwayId}`} className="route-section" data-testid="route-section">
      <h3 id={`route-title-${pathwayId}`}>This laptop’s route</h3>
      <p className="note">How probes of every pathway in this landscape leave this laptop. Cloud Integration never uses it.</p>
      <div className="config-form">
        <label htmlFor="route-mode">Route</label>
        <select id="route-mode" value={form.mode} onChange={(e) => set({ mode: e.target.value as RouteForm['mode'] })}>
          {ROUTE_MODES.map((m) => (
            <option key={m} value={m}>
              {ROUTE_MODE_LABELS[m]}
            </option>
          ))}
        </select>
        {form.mode === 'pac' && (
          <>
            <label htmlFor="route-pac">PAC file</label>
            <input id="route-pac" value={form.pacUrl} placeholder="http://proxy.customer.example/proxy.pac" aria-invalid={error?.field === 'pacUrl' || undefined} onChange={(e) => set({ pacUrl: e.target.value })} />
            {fieldError('pacUrl')}
          </>
        )}
        {form.mode === 'manual' && (
          <>
            <label htmlFor="route-host">Proxy host</label>
            <input id="route-host" value={form.host} placeholder="proxy.customer.example" aria-invalid={error?.field === 'host' || undefined} onChange={(e) => set({ host: e.target.value })} />
            {fieldError('host')}
            <label htmlFor="route-port">Proxy port</label>
            <input id="route-port" inputMode="numeric" value={form.port} placeholder="3128" aria-invalid={error?.field === 'port' || undefined} onChange={(e) => set({ port: e.target.value })} />
            {fieldError('port')}
          </>
        )}
        {needsCredential && (
          <>
            <label htmlFor="route-credential">Proxy sign-in</label>
            <select id="route-credential" value={form.credentialId} onChange={(e) => set({ credentialId: e.target.value })}>
              <option value="">None</option>
              {credentials.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      <div className="probe-actions">
        <button type="button" onClick={() => void apply()}>
          Apply route
        </button>
        {saved && <span role="status">Route saved.</span>}
      </div>
      {error && !error.field && <p role="alert">{error.message}</p>}
      {preview && (
        <p className="probe-meta" data-testid="route-preview">
          Next probe goes: <strong>{preview.route}</strong>
          {preview.finding && (
            <span className="route-problem">
              {' '}
              — {preview.finding.message} {preview.finding.fix}
            </span>
          )}
        </p>
      )}
    </section>
  );
}
