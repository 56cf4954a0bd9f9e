import { useState } from 'react';

/** A destructive action in two steps, inline (no blocking browser dialog). */
export function ConfirmButton({ label, confirmLabel, onConfirm }: { label: string; confirmLabel: string; onConfirm: () => void }) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="btn-danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label="Confirm removal">
      <button type="button" className="btn-danger confirm" onClick={() => { setAsking(false); onConfirm(); }} autoFocus>
        {confirmLabel}
      </button>{' '}
      <button type="button" onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
