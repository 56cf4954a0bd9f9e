/**
 * A status message that expires: success and notes disappear after a while so no stale "Saved …"
 * stays on screen; errors stay until the next action replaces them.
 */
import { useCallback, useEffect, useState } from 'react';

export type StatusTone = 'ok' | 'error' | 'info';
export interface Status {
  tone: StatusTone;
  text: string;
}

export const STATUS_MS = 10_000;

export function useTransientStatus(ms = STATUS_MS) {
  const [status, setStatus] = useState<Status | null>(null);
  useEffect(() => {
    if (!status || status.tone === 'error') return;
    const timer = setTimeout(() => setStatus(null), ms);
    return () => clearTimeout(timer);
  }, [status, ms]);
  const show = useCallback((tone: StatusTone, text: string) => setStatus({ tone, text }), []);
  const clear = useCallback(() => setStatus(null), []);
  return { status, show, clear };
}
