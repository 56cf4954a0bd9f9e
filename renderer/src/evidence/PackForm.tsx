import { useEffect, useState } from 'react';
import type { PackFileInfo } from '../../../shared/evidence/evidence-responses';
import type { Landscape } from '../../../shared/landscape';
import { api } from '../api';
import { StatusLine } from '../components/StatusLine';
import { chooseSave, fileStem } from './save-to-chosen';

/** "Save handover pack…": the files per place; those holding a private key only when ticked. */
export function PackForm({ landscape, onClose }: { landscape: Landscape; onClose: () => void }) {
  const [files, setFiles] = useState<PackFileInfo[] | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void api.listHandoverPackFiles({ landscapeId: landscape.id }).then((r) => (r.ok ? setFiles(r.value) : setStatus({ ok: false, text: r.error.message })));
  }, [landscape]);
  const toggle = (path: string, on: boolean) => setTicked((t) => (on ? [...t, path] : t.filter((p) => p !== path)));
  const save = async () => {
    const chosen = await chooseSave('Save the handover pack', `${fileStem(landscape.name)}-handover.zip`, { name: 'Zip archive', extensions: ['zip'] });
    if (!chosen) return;
    if ('error' in chosen) return setStatus({ ok: false, text: chosen.error });
    const r = await api.saveHandoverPack({ landscapeId: landscape.id, path: chosen.path, include: ticked });
    if (!r.ok) return setStatus({ ok: false, text: r.error.message });
    const pw = (r.value.p12PasswordLabel ? ` The .p12 password is in Credentials as "${r.value.p12PasswordLabel}".` : '') + (r.value.pgpPassphraseLabel ? ` The PGP secret keyring's passphrase is in Credentials as "${r.value.pgpPassphraseLabel}".` : '');
    setStatus({ ok: true, text: `Handover pack saved to ${r.value.target}: ${r.value.files.length} files, ${r.value.withheld.length} left out.${pw}` });
  };
  return (
    <div className="edit-form evidence-form" role="group" aria-label="Handover pack">
      {files && files.length === 0 && <p>Nothing to hand over yet: link credentials, CA certificates or known hosts to the pathways first.</p>}
      {files && files.length > 0 && (
        <table className="evidence-table">
          <thead>
            <tr><th scope="col">File</th><th scope="col">Goes to</th><th scope="col">Include</th></tr>
          </thead>
          <tbody>
            {files.map((f) => (
              <tr key={f.path}>
                <td><code>{f.path}</code><br /><small>{f.purpose}</small></td>
                <td>{f.place}</td>
                <td>
                  {f.confidential ? (
                    <label className="inline-check">
                      <input type="checkbox" checked={ticked.includes(f.path)} onChange={(e) => toggle(f.path, e.target.checked)} /> holds a private key
                    </label>
                  ) : (
                    'always'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => void save()} disabled={!files?.length}>Save zip…</button>
      <button type="button" onClick={onClose}>Close</button>
      <StatusLine status={status && { tone: status.ok ? 'ok' : 'error', text: status.text }} testId="pack-status" />
    </div>
  );
}
