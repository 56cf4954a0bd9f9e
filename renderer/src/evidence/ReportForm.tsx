import { useEffect, useState } from 'react';
import type { Landscape } from '../../../shared/landscape';
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import { api } from '../api';
import { StatusLine } from '../components/StatusLine';
import { chooseSave, fileStem } from './save-to-chosen';

/** "Save evidence report…": who signs it off, a note, PDF and signature options, then the save dialog. */
export function ReportForm({ landscape, onClose }: { landscape: Landscape; onClose: () => void }) {
  const [by, setBy] = useState('');
  const [note, setNote] = useState('');
  const [pdf, setPdf] = useState(true);
  const [signWith, setSignWith] = useState('');
  const [signers, setSigners] = useState<CredentialMeta[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void api.listCredentials().then((r) => r.ok && setSigners(r.value.credentials.filter((c) => c.kind === 'client-certificate' && c.certificateChainPem?.length)));
  }, []);
  const save = async () => {
    const chosen = await chooseSave('Save the evidence report', `${fileStem(landscape.name)}-evidence.html`, { name: 'HTML report', extensions: ['html'] });
    if (!chosen) return;
    if ('error' in chosen) return setStatus({ ok: false, text: chosen.error });
    setBusy(true);
    const r = await api.saveEvidenceReport({ landscapeId: landscape.id, path: chosen.path, by, note, pdf, ...(signWith ? { signWith } : {}) });
    setBusy(false);
    if (!r.ok) return setStatus({ ok: false, text: r.error.message });
    const v = r.value;
    const extra = [v.pdfPath && `PDF ${v.pdfPath}`, v.signature && `signature ${v.signature.path}`].filter(Boolean).join(', ');
    setStatus({ ok: true, text: `Report saved to ${v.htmlPath}${extra ? ` (${extra})` : ''}. SHA-256 ${v.sha256}` });
  };
  return (
    <form className="edit-form evidence-form" aria-label="Evidence report" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label>
        Consultant <input value={by} onChange={(e) => setBy(e.target.value)} maxLength={200} placeholder="Your name" />
      </label>
      <label className="evidence-note">
        Note <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={4000} rows={2} placeholder="What was checked, for whom" />
      </label>
      <label className="inline-check">
        <input type="checkbox" checked={pdf} onChange={(e) => setPdf(e.target.checked)} /> Also as PDF
      </label>
      <label>
        Sign with{' '}
        <select value={signWith} onChange={(e) => setSignWith(e.target.value)}>
          <option value="">Do not sign</option>
          {signers.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy}>{busy ? 'Saving…' : 'Save…'}</button>
      <button type="button" onClick={onClose}>Close</button>
      <StatusLine status={status && { tone: status.ok ? 'ok' : 'error', text: status.text }} testId="evidence-status" />
    </form>
  );
}
