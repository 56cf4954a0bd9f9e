/**
 * The expiry radar of the open landscape, fetched again whenever the probes' edge states or the
 * landscape change (a probe sees new peer certificates; an edit links other credentials).
 */
import { useEffect, useState } from 'react';
import type { ExpiryRadar } from '../../../shared/evidence/evidence-responses';
import { api } from '../api';

export function useExpiryRadar(landscapeId: string, probeStates: unknown, updatedAt: string): ExpiryRadar | null {
  const [radar, setRadar] = useState<ExpiryRadar | null>(null);
  useEffect(() => {
    let live = true;
    void api.getExpiryRadar({ landscapeId }).then((r) => {
      if (live && r.ok) setRadar(r.value);
    });
    return () => {
      live = false;
    };
  }, [landscapeId, probeStates, updatedAt]);
  return radar;
}
