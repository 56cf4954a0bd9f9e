import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../../shared/result';

/**
 * Loads one thing through window.api on mount and on `reload()`: the value, or the error message
 * main sent (never both stale: a successful reload clears the error).
 */
export function useApiResource<T>(load: () => Promise<Result<T>>) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const r = await load();
    if (r.ok) {
      setData(r.value);
      setError(null);
    } else setError(r.error.message);
  }, [load]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}
