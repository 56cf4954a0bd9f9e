import { api } from '../../api';
import { StatusLine } from '../../components/StatusLine';
import { useTransientStatus } from '../../components/use-transient-status';

/** Writes the handover (what to create where, secret-free Markdown) to a file the user chooses. */
export function HandoverButton({ landscapeId, landscapeName }: { landscapeId: string; landscapeName: string }) {
  const { status, show, clear } = useTransientStatus();
  const exportHandover = async () => {
    const chosen = await api.chooseSavePath({
      title: 'Save the handover',
      defaultName: `${landscapeName.replace(/[^\w.-]+/g, '-')}-handover.md`,
      filters: [{ name: 'Markdown', extensions: ['md'] }],
    });
    if (!chosen.ok) return show('error', chosen.error.message);
    if (!chosen.value.path) return clear();
    const r = await api.exportHandover({ landscapeId, path: chosen.value.path });
    if (r.ok) show('ok', `Handover written to ${r.value.path}`);
    else show('error', r.error.message);
  };
  return (
    <>
      <button type="button" onClick={() => void exportHandover()}>
        Export handover…
      </button>
      <span className="handover-status">
        <StatusLine status={status} testId="handover-status" />
      </span>
    </>
  );
}
