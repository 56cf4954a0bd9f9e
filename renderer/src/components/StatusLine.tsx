import type { Status } from './use-transient-status';

const ICON = { ok: '✓', error: '✖', info: 'ℹ' } as const;

/** One status line: icon + text + semantic colour (never colour alone); errors are alerts. */
export function StatusLine({ status, testId }: { status: Status | null; testId?: string }) {
  if (!status) return null;
  return (
    <p className={`status status-${status.tone}`} role={status.tone === 'error' ? 'alert' : 'status'}>
      <span aria-hidden="true">{ICON[status.tone]}</span>
      <span data-testid={testId}>{status.text}</span>
    </p>
  );
}
