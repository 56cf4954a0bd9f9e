import { useState, type ReactNode } from 'react';
import {
  ADAPTER_LABELS,
  AUTH_LABELS,
  PROTOCOLS,
  PROTOCOL_LABELS,
  validAdapters,
  validAuthMethods,
  type Direction,
  type Pathway,
  type Protocol,
} from '../../../shared/landscape';
import type { PathwayPatch } from '../../../shared/landscape/patch-schemas';
import { applicableFields } from '../../../shared/landscape/applicable-fields';
import type { AppErrorData } from '../../../shared/result';
import { CommitInput } from './CommitInput';
import { ProtocolOptions } from './ProtocolOptions';
import { FIELD_LABELS, credentialsFor, fieldOfError, protocolPatch, type ConfigField } from './config-fields';
import type { CredentialOption } from './landscape-client';

function endpointHint(protocol: Protocol, direction: Direction): string {
  if (protocol === 'https') return direction === 'inbound' ? 'https://<sub>.it-cpi001-rt.cfapps…/cxf/…' : 'https://receiver.example.com/…';
  return 'host:port of the server';
}

export type SavePatch = (patch: PathwayPatch) => Promise<AppErrorData | null>;

/**
 * The configuration of one direction. Every change is saved through IPC at once; an error is shown
 * under the field it names (or at the top, naming the field, when it names none of these).
 */
export function PathwayConfigForm({ pathway: p, direction, credentials, onSave }: { pathway: Pathway; direction: Direction; credentials: CredentialOption[] | null; onSave: SavePatch }) {
  const [error, setError] = useState<{ field: ConfigField | undefined; message: string } | null>(null);
  const save = async (field: ConfigField, patch: PathwayPatch) => {
    const e = await onSave(patch);
    setError(e ? { field: fieldOfError(e.field) ?? field, message: e.message } : null);
  };
  const auths = validAuthMethods(p.protocol, direction);
  const onPremise = p.proxy.type === 'on-premise' ? p.proxy : null;
  // Only the fields this direction and authentication use (shared/landscape/applicable-fields.ts).
  const shows = applicableFields(p, direction);
  const row = (field: ConfigField, control: ReactNode) => (
    <>
      <label htmlFor={`cfg-${field}`}>{FIELD_LABELS[field]}</label>
      {control}
      {error?.field === field && (
        <span className="field-error" id={`cfg-${field}-error`} role="alert">
          {error.message}
        </span>
      )}
    </>
  );
  const invalid = (f: ConfigField) => error?.field === f;
  return (
    <section aria-labelledby="config-title">
      <h3 id="config-title">Configuration</h3>
      <div className="config-form">
        {row('protocol',
          <select id="cfg-protocol" value={p.protocol} aria-invalid={invalid('protocol') || undefined} onChange={(e) => void save('protocol', protocolPatch(p, e.target.value as Protocol, direction))}>
            {PROTOCOLS.map((x) => <option key={x} value={x}>{PROTOCOL_LABELS[x]}</option>)}
          </select>)}
        {row('adapter',
          <select id="cfg-adapter" value={p.adapter} aria-invalid={invalid('adapter') || undefined} onChange={(e) => void save('adapter', { adapter: e.target.value as Pathway['adapter'] })}>
            {validAdapters(p.protocol).map((x) => <option key={x} value={x}>{ADAPTER_LABELS[x]}</option>)}
          </select>)}
        {row('endpoint', <CommitInput id="cfg-endpoint" value={p.endpoint} invalid={invalid('endpoint')} placeholder={endpointHint(p.protocol, direction)} onCommit={(v) => void save('endpoint', { endpoint: v })} />)}
        {shows.has('proxy') && row('proxy',
          <select id="cfg-proxy" value={p.proxy.type === 'on-premise' ? 'on-premise' : 'internet'} aria-invalid={invalid('proxy') || undefined} onChange={(e) => void save('proxy', { proxy: e.target.value === 'on-premise' ? { type: 'on-premise', locationId: '', virtualHost: '' } : { type: 'internet' } })}>
            <option value="internet">Internet</option>
            <option value="on-premise">On-Premise (Cloud Connector)</option>
          </select>)}
        {onPremise && row('locationId', <CommitInput id="cfg-locationId" value={onPremise.locationId} invalid={invalid('locationId')} placeholder="empty if the connector has none" onCommit={(v) => void save('locationId', { proxy: { ...onPremise, locationId: v } })} />)}
        {onPremise && row('virtualHost', <CommitInput id="cfg-virtualHost" value={onPremise.virtualHost} invalid={invalid('virtualHost')} placeholder="virtual host:port from the Cloud Connector" onCommit={(v) => void save('virtualHost', { proxy: { ...onPremise, virtualHost: v } })} />)}
        {auths.length === 0 ? (
          <p className="note">Cloud Integration does not receive {PROTOCOL_LABELS[p.protocol]}: no authentication method applies inbound.</p>
        ) : (
          row('auth',
            <select id="cfg-auth" value={p.auth} aria-invalid={invalid('auth') || undefined} onChange={(e) => void save('auth', { auth: e.target.value as Pathway['auth'] })}>
              {auths.map((x) => <option key={x} value={x}>{AUTH_LABELS[x]}</option>)}
            </select>)
        )}
        {!shows.has('credentialId') ? null : credentials === null ? (
          <p className="note" data-testid="credential-note">Credentials are picked from the vault once the vault lists them (Credentials view).</p>
        ) : (
          row('credentialId',
            <select id="cfg-credentialId" value={p.credentialId ?? ''} aria-invalid={invalid('credentialId') || undefined} onChange={(e) => void save('credentialId', { credentialId: e.target.value || undefined })}>
              <option value="">— none chosen (create one in Credentials) —</option>
              {credentialsFor(p.auth, credentials).map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
            </select>)
        )}
        {shows.has('credentialName') && row('credentialName', <CommitInput id="cfg-credentialName" value={p.credentialName ?? ''} invalid={invalid('credentialName')} placeholder="User Credentials artifact name in CI" onCommit={(v) => void save('credentialName', { credentialName: v || undefined })} />)}
        {shows.has('keystoreAlias') && row('keystoreAlias', <CommitInput id="cfg-keystoreAlias" value={p.keystoreAlias ?? ''} invalid={invalid('keystoreAlias')} placeholder="key pair alias in the CI keystore" onCommit={(v) => void save('keystoreAlias', { keystoreAlias: v || undefined })} />)}
        <ProtocolOptions pathway={p} showUser={shows.has('user')} row={row} save={save} invalid={invalid} />
        {error && error.field === undefined && <p className="note error-text" role="alert">{error.message}</p>}
      </div>
    </section>
  );
}
