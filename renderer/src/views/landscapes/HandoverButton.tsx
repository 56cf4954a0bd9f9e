import { useState } from 'react';
import { api } from '../../api';

/** Writes the handover (what to create where, secret-free Markdown) to a file the user chooses. */
export function HandoverButton({ landscapeId, landscapeName }: { landscapeId: string; landscapeName: string }) {
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const exportHandover = async () => {
    const chosen = await api.chooseSavePath({
      title: 'Save the handover',
      defaultName: `${landscapeName.replace(/[^\w.-]+/g, '-')}-handover.md`,
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    });
    if (!chosen.ok) return setStatus({ ok: false, text: chosen.error.message });
    if (!chosen.value.path) return setStatus(null);
    const r = await api.exportHandover({ landscapeId, path: chosen.value.path });
    setStatus(r.ok ? { ok: true, text: `Handover written to ${r.value.path}` } : { ok: false, text: r.error.message });
  };
  return (
    <>
      <button type="button" onClick={() => void exportHandover()}>
        Export handover…
      </button>
      {status && (
        <span role="status" className={status.ok ? 'ok-text' : 'error-text'} data-testid="handover-status">
          {status.text}
        </span>
      )}
    </>
  );
}
