/**
 * The Probe section of a direction panel: Probe / Cancel, the live steps, then the verdict, the
 * chain as sent and the findings with their fix. Shows the last result from history until a new
 * probe runs.
 */
import { ProbeChain } from './ProbeChain';
import { ProbeFindings } from './ProbeFindings';
import { ProbeSshProfile } from './ProbeSshProfile';
import { ProbeSteps } from './ProbeSteps';
import { ProbeTrustActions } from './ProbeTrustActions';
import { ProbeVerdict } from './ProbeVerdict';
import { useProbe } from './use-probe';
import './probe.css';

export function ProbePanel({ landscapeId, pathwayId }: { landscapeId: string; pathwayId: string }) {
  const { state, start, cancel } = useProbe(landscapeId, pathwayId);
  const { result } = state;
  return (
    <section aria-labelledby={`probe-title-${pathwayId}`} className="probe-panel" data-testid="probe-panel">
      <h3 id={`probe-title-${pathwayId}`}>Probe</h3>
      <div className="probe-actions">
        <button type="button" onClick={() => void start()} disabled={state.running}>
          {state.running ? 'Probing…' : 'Probe'}
        </button>
        {state.running && (
          <button type="button" onClick={() => void cancel()} disabled={!state.probeId}>
            Cancel
          </button>
        )}
      </div>
      {state.error && <p role="alert">{state.error}</p>}
      <ProbeSteps steps={state.running ? state.steps : (result?.steps ?? [])} />
      {result && !state.running && (
        <>
          <ProbeVerdict verdict={result.verdict} finishedAt={result.finishedAt} route={result.route} />
          {typeof result.facts?.tlsProtocol === 'string' && (
            <p className="probe-meta">
              {result.facts.tlsProtocol} · {String(result.facts.tlsCipher ?? '')}
            </p>
          )}
          {typeof result.facts?.tlsClientProfile === 'string' && (
            <p className="probe-meta" data-testid="probe-profile">
              Verdict as {result.facts.tlsClientProfile}
            </p>
          )}
          <ProbeSshProfile facts={result.facts} />
          {result.chain && result.chain.length > 0 && <ProbeChain chain={result.chain} />}
          <ProbeFindings findings={result.findings} />
          <ProbeTrustActions key={result.probeId} landscapeId={landscapeId} result={result} />
        </>
      )}
    </section>
  );
}
