/**
 * What an iFlow import will do, before it is done: the pathways (new, changed with their field
 * differences, unchanged, no longer in their iFlow), each with the iFlows and adapters it comes
 * from; the security material by name with its vault status; where inbound logons are set up;
 * what stays internal; and the findings, one line per message with every adapter it concerns.
 */
import type { IflowImportResult } from '../../../../shared/iflow/import-result';
import { AUTH_LABELS, type AuthMethod } from '../../../../shared/landscape/vocabulary';

const ACTION_TEXT = { add: 'New', update: 'Changed', unchanged: 'Unchanged', gone: 'No longer in its iFlow (kept)' } as const;
const STATUS_TEXT = { prepared: '✓ Prepared in the vault', missing: '○ Missing', conflict: '⚠ Conflict' } as const;
const FIELD_TEXT: Record<string, string> = {
  from: 'From',
  to: 'To',
  protocol: 'Protocol',
  adapter: 'Adapter',
  endpoint: 'Address',
  auth: 'Authentication',
  credentialName: 'Credential name',
  keystoreAlias: 'Private key alias',
  proxy: 'Proxy',
};

type Pathways = IflowImportResult['pathways'];

function protocolText(p: Pathways[number]): string {
  if (p.protocol !== 'other') return `${p.protocol.toUpperCase()}${p.probed ? '' : ' (not probed)'}`;
  const types = [...new Set(p.sources.map((s) => s.type))].join(', ');
  return `${types || 'Other'} (not probed)`;
}

function changeValue(field: string, value: string): string {
  if (!value) return '—';
  return field === 'auth' ? (AUTH_LABELS[value as AuthMethod] ?? value) : field === 'protocol' ? value.toUpperCase() : value;
}

/** One finding per message, naming every iFlow → adapter it concerns. */
function groupFindings(findings: IflowImportResult['findings']) {
  const byMessage = new Map<string, { severity: string; where: string[] }>();
  for (const f of findings) {
    const entry = byMessage.get(f.message) ?? { severity: f.severity, where: [] };
    entry.where.push(`${f.iflow} → ${f.adapter}`);
    byMessage.set(f.message, entry);
  }
  return [...byMessage].map(([message, e]) => ({ message, ...e }));
}

function PathwayTable({ pathways }: { pathways: Pathways }) {
  return (
    <table className="cred-table" aria-label="Pathways from the integration flows">
      <thead>
        <tr><th>#</th><th>Change</th><th>Route</th><th>Protocol</th><th>Authentication</th><th>Credential / alias</th><th>From iFlow → adapter</th></tr>
      </thead>
      <tbody>
        {pathways.map((p) => (
          <tr key={p.number}>
            <td>{p.number}</td>
            <td>
              {ACTION_TEXT[p.action]}
              {p.changes.map((c) => <div key={c.field} className="muted">{FIELD_TEXT[c.field] ?? c.field}: {changeValue(c.field, c.before)} → {changeValue(c.field, c.after)}</div>)}
            </td>
            <td>{p.route}</td>
            <td>{protocolText(p)}</td>
            <td>{AUTH_LABELS[p.auth as AuthMethod] ?? p.auth}</td>
            <td>{[p.credentialName, p.keystoreAlias].filter(Boolean).join(' / ') || (p.direction === 'inbound' ? 'BTP cockpit (see below)' : '—')}</td>
            <td>{p.sources.map((s) => <div key={`${s.iflow}/${s.adapter}`}>{s.iflow} → {s.adapter} ({s.type})</div>)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function IflowPreview({ result }: { result: IflowImportResult }) {
  const inbound = result.pathways.filter((p) => p.direction === 'inbound' && p.action !== 'gone').map((p) => p.number);
  const findings = groupFindings(result.findings);
  return (
    <>
      <PathwayTable pathways={result.pathways} />
      {result.material.length > 0 && (
        <table className="cred-table" aria-label="Security material by name">
          <thead><tr><th>Name</th><th>Create in Monitor → Manage Security</th><th>Status</th></tr></thead>
          <tbody>
            {result.material.map((m) => (
              <tr key={`${m.name}/${m.kind}`}><td>{m.name}</td><td>{m.needs} (pathway {m.pathways.join(', ')})</td><td>{STATUS_TEXT[m.status]}<div className="muted">{m.detail}</div></td></tr>
            ))}
          </tbody>
        </table>
      )}
      {inbound.length > 0 && (
        <p className="muted">
          Inbound pathway{inbound.length > 1 ? 's' : ''} {inbound.join(', ')}: the sender logs on at Cloud Integration with a service key of a Process Integration Runtime
          instance, created in the BTP cockpit (Instances and Subscriptions). The handover lists what each sender needs.
        </p>
      )}
      {result.internal.length > 0 && <p className="muted">Internal to the tenant, not pathways: {result.internal.map((i) => `${i.iflow} → ${i.adapter} (${i.type})`).join('; ')}</p>}
      {findings.length > 0 && (
        <>
          <h4>To check</h4>
          <ul aria-label="Import findings">
            {findings.map((f) => (
              <li key={f.message} className={f.severity === 'warning' ? 'warning-text' : undefined}>
                {f.severity === 'warning' ? '⚠ ' : ''}{f.message}
                <div className="muted">{f.where.join('; ')}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
