/**
 * The tenant's own settings, edited where the tenant is drawn: its name, the runtime host senders
 * call (the inbound-host rule compares every inbound endpoint with it) and the token URL OAuth2
 * pathways fall back to. Main normalises and checks each value (tenant:update); a pasted service
 * key URL becomes its host.
 */
import { useState } from 'react';
import type { Landscape } from '../../../shared/landscape';
import { api } from '../api';
import { CommitInput } from './CommitInput';

type Field = 'name' | 'runtimeHost' | 'tokenUrl';

const LABELS: Record<Field, string> = {
  name: 'Tenant name',
  runtimeHost: 'Runtime host',
  tokenUrl: 'Token URL',
};
const HINTS: Record<Field, string> = {
  name: 'Cloud Integration',
  runtimeHost: '<subaccount>.it-cpi001-rt.cfapps.eu10.hana.ondemand.com',
  tokenUrl: 'https://<subaccount>.authentication.eu10.hana.ondemand.com/oauth/token',
};

export function TenantFields({
  landscape,
  onSaved,
}: {
  landscape: Landscape;
  onSaved: (l: Landscape) => void;
}) {
  const [error, setError] = useState<{ field: Field; message: string } | null>(null);
  const save = async (field: Field, value: string) => {
    const r = await api.updateTenant({ landscapeId: landscape.id, [field]: value });
    if (!r.ok)
      return setError({
        field: (['name', 'runtimeHost', 'tokenUrl'] as const).find((f) => f === r.error.field) ?? field,
        message: r.error.message,
      });
    setError(null);
    onSaved(r.value.landscape);
  };
  const row = (field: Field) => (
    <>
      <label htmlFor={`tenant-${field}`}>{LABELS[field]}</label>
      <CommitInput
        id={`tenant-${field}`}
        value={landscape.tenant[field]}
        invalid={error?.field === field}
        placeholder={HINTS[field]}
        onCommit={(v) => void save(field, v)}
      />
      {error?.field === field && (
        <span className="field-error" id={`tenant-${field}-error`} role="alert">
          {error.message}
        </span>
      )}
    </>
  );
  return (
    <section aria-labelledby="tenant-config-title">
      <h3 id="tenant-config-title">Tenant</h3>
      <p className="muted">
        From the service key of the Process Integration Runtime instance (BTP cockpit): its url is the runtime
        host, its tokenurl the token URL. Paste the url whole if you like.
      </p>
      <div className="config-form">
        {row('name')}
        {row('runtimeHost')}
        {row('tokenUrl')}
      </div>
    </section>
  );
}
