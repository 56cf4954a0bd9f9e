/**
 * THE place where the probe UI plugs into the direction panel: replace the body of this component
 * with the probe issue's ProbePanel (it receives the landscape and pathway ids). Until then the
 * button is disabled and says why.
 */
export function ProbeSlot({ landscapeId, pathwayId }: { landscapeId: string; pathwayId: string }) {
  return (
    <section aria-labelledby="probe-title" data-landscape={landscapeId} data-pathway={pathwayId}>
      <h3 id="probe-title">Probe</h3>
      <div className="probe-slot">
        <button type="button" disabled aria-describedby="probe-reason">
          Probe
        </button>
        <span id="probe-reason">Probes arrive with the probe engine.</span>
      </div>
    </section>
  );
}
