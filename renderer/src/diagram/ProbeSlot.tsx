/**
 * THE place where the probe UI plugs into the direction panel: the probe issue's ProbePanel. A
 * pathway without an endpoint has nothing to probe yet, so the button stays disabled and says why.
 */
import { ProbePanel } from '../probe/ProbePanel';
import { RouteSection } from '../probe/RouteSection';

export function ProbeSlot({ landscapeId, pathwayId, endpoint }: { landscapeId: string; pathwayId: string; endpoint?: string }) {
  if (endpoint !== undefined && !endpoint.trim()) {
    return (
      <section aria-labelledby="probe-title" data-landscape={landscapeId} data-pathway={pathwayId}>
        <h3 id="probe-title">Probe</h3>
        <div className="probe-slot">
          <button type="button" disabled aria-describedby="probe-reason">
            Probe
          </button>
          <span id="probe-reason">Enter the pathway’s endpoint to probe it.</span>
        </div>
      </section>
    );
  }
  return (
    <>
      <RouteSection key={`route-${pathwayId}`} landscapeId={landscapeId} pathwayId={pathwayId} {...(endpoint !== undefined ? { endpoint } : {})} />
      <ProbePanel key={pathwayId} landscapeId={landscapeId} pathwayId={pathwayId} />
    </>
  );
}
