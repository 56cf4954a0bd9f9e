import { useEffect, useState } from 'react';

/** A text field that saves on blur or Enter (not on every key), and resets when the saved value changes. */
export function CommitInput({ id, value, onCommit, placeholder, invalid }: { id: string; value: string; onCommit: (v: string) => void; placeholder?: string; invalid: boolean }) {
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <input
      id={id}
      value={draft}
      placeholder={placeholder}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${id}-error` : undefined}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
