import { useState } from 'react';
import { daysText, SIDE_LABELS, SOURCE_LABELS } from '../../../shared/evidence/expiry';
import type { ExpiryRadar } from '../../../shared/evidence/evidence-responses';
import type { Landscape } from '../../../shared/landscape';
import { api } from '../api';
import { StatusLine } from '../components/StatusLine';
import { chooseSave, fileStem } from './save-to-chosen';

/** The expiry radar: soonest first, what it breaks, where it lives, what to renew; calendar export. */
export function ExpiryPanel({ landscape, radar, onClose }: { landscape: Landscape; radar: ExpiryRadar | null; onClose: () => void }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const saveIcs = async () => {
    const chosen = await chooseSave('Save expiry reminders', `${fileStem(landscape.name)}-expiry.ics`, { name: 'Calendar', extensions: ['ics'] });
    if (!chosen) return;
    if ('error' in chosen) return setStatus({ ok: false, text: chosen.error });
    const r = await api.saveExpiryCalendar({ landscapeId: landscape.id, path: chosen.path });
    setStatus(r.ok ? { ok: true, text: `${r.value.events} reminders saved to ${r.value.path}` } : { ok: false, text: r.error.message });
  };
  const items = radar?.items ?? [];
  return (
    <div className="edit-form evidence-form" role="group" aria-label="Expiry radar">
      {items.length === 0 ? (
        <p>No certificate or key with an expiry date is linked to this landscape yet.</p>
      ) : (
        <table className="evidence-table">
          <thead>
            <tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Breaks</th><th scope="col">Renew</th></tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id} className={`expiry-${i.level}`}>
                <td>{daysText(i.daysLeft)}<br /><small>{i.notAfter?.slice(0, 10) ?? ''}</small></td>
                <td>{i.title}<br /><small>{SOURCE_LABELS[i.source]} · {SIDE_LABELS[i.side]}</small></td>
                <td>{i.pathways.length ? `Pathway ${i.pathways.join(', ')}` : '—'}</td>
                <td>{i.renew}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => void saveIcs()} disabled={!items.some((i) => i.notAfter)}>Save reminders (.ics)…</button>
      <button type="button" onClick={onClose}>Close</button>
      <StatusLine status={status && { tone: status.ok ? 'ok' : 'error', text: status.text }} />
    </div>
  );
}
