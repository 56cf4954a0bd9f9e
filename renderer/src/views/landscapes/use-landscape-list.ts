/**
 * The landscape list and templates, kept fresh: reloads on every 'landscapes:changed' event (another
 * view or window may have changed them). Errors are shown with the field main named.
 */
import { useCallback, useEffect, useState } from 'react';
import type { LandscapeSummary, TemplateSummary } from '../../../../shared/landscape';
import type { Result } from '../../../../shared/result';
import { api } from '../../api';

/** The message alone: it names the field in words; the field's internal path is no text for a user,
 *  so the services' "field: …" prefix is dropped too. */
export function describeError(r: Extract<Result<unknown>, { ok: false }>): string {
  const { message, field } = r.error;
  const text = field && message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function useLandscapeList() {
  const [list, setList] = useState<LandscapeSummary[] | null>(null);
  const [templates, setTemplates] = useState<TemplateSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    const r = await api.listLandscapes();
    if (r.ok) setList(r.value);
    else setError(describeError(r));
  }, []);
  useEffect(() => {
    void reload();
    void api.listLandscapeTemplates().then((r) => (r.ok ? setTemplates(r.value) : setError(describeError(r))));
    return api.onLandscapesChanged(() => void reload());
  }, [reload]);
  /** Runs a mutation; on failure keeps the message for the alert and returns undefined. */
  const run = useCallback(async <T,>(call: () => Promise<Result<T>>): Promise<T | undefined> => {
    const r = await call();
    if (!r.ok) {
      setError(describeError(r));
      return undefined;
    }
    setError(null);
    await reload();
    return r.value;
  }, [reload]);
  return { list, templates, error, setError, run };
}
