import { useCallback, useEffect, useState } from 'react';
import type { Landscape } from '../../../shared/landscape';
import type { Result } from '../../../shared/result';
import type { EdgeState as ProbeEdgeState } from '../../../shared/probe/edge-state';
import { ProbeAllControl } from '../probe/ProbeAllControl';
import { HandoverButton } from '../views/landscapes/HandoverButton';
import { IflowImport } from '../views/landscapes/IflowImport';
import { EvidenceButtons, EvidencePanel, useEvidenceOpen } from '../evidence/EvidenceTools';
import { useExpiryRadar } from '../evidence/use-expiry-radar';
import { AddPathwayForm } from './AddPathwayForm';
import { AddSystemForm } from './AddSystemForm';
import { DiagramCanvas } from './DiagramCanvas';
import { DirectionPanel } from './DirectionPanel';
import type { CredentialOption, LandscapeClient } from './landscape-client';
import { StateLegend } from './StateLegend';
import { SystemPanel } from './SystemPanel';
import { useDiagramModel } from './use-diagram-model';
import './diagram.css';

type Selection = { kind: 'edge' | 'node'; id: string } | null;
type Editing = 'system' | 'pathway' | 'iflow' | null;

/** Returns focus to the diagram element a panel was opened from (by its data attribute). */
function focusDiagramItem(selection: Selection) {
  if (!selection) return;
  const attr = selection.kind === 'edge' ? 'data-edge-id' : 'data-node';
  const el = document.querySelector<SVGGElement>(`[${attr}="${CSS.escape(selection.id)}"]`);
  el?.focus();
}

/** The landscape drawn, with its editing tools and the panel of whatever is opened. */
export function LandscapeDiagram({ landscape, client, onChanged }: { landscape: Landscape; client: LandscapeClient; onChanged: (l: Landscape) => void }) {
  const [probeStates, setProbeStates] = useState<Record<number, ProbeEdgeState>>({});
  const radar = useExpiryRadar(landscape.id, probeStates, landscape.updatedAt);
  const [evidenceOpen, setEvidenceOpen] = useEvidenceOpen();
  const { views, layout, names } = useDiagramModel(landscape, probeStates, radar?.byPathway);
  const [selection, setSelection] = useState<Selection>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [credentials, setCredentials] = useState<CredentialOption[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    void client.listCredentials().then(setCredentials);
  }, [client]);
  const apply = useCallback(
    async (r: Promise<Result<Landscape>>) => {
      const res = await r;
      if (res.ok) {
        onChanged(res.value);
        setProblem(null);
        return null;
      }
      return res.error;
    },
    [onChanged],
  );
  const close = useCallback(() => {
    setSelection((current) => {
      queueMicrotask(() => focusDiagramItem(current));
      return null;
    });
  }, []);
  const view = selection?.kind === 'edge' ? views.find((v) => v.id === selection.id) : undefined;
  const removeSystem = async (systemId: string) => {
    // Pathways first: a system is never left referenced by a pathway, whatever the service allows.
    for (const p of landscape.pathways.filter((x) => x.from === systemId || x.to === systemId)) {
      const e = await apply(client.removePathway(landscape.id, p.id));
      if (e) return setProblem(e.message);
    }
    const e = await apply(client.removeSystem(landscape.id, systemId));
    if (e) setProblem(e.message);
    else setSelection(null);
  };
  return (
    <div className="landscape-diagram">
      <div className="landscape-toolbar" role="toolbar" aria-label="Edit the landscape">
        <button type="button" onClick={() => setEditing(editing === 'system' ? null : 'system')} aria-expanded={editing === 'system'}>
          Add system
        </button>
        <button type="button" onClick={() => setEditing(editing === 'pathway' ? null : 'pathway')} aria-expanded={editing === 'pathway'} disabled={landscape.systems.length === 0}>
          Add pathway
        </button>
        <button type="button" onClick={() => setEditing(editing === 'iflow' ? null : 'iflow')} aria-expanded={editing === 'iflow'}>
          Import integration flows…
        </button>
        <HandoverButton landscapeId={landscape.id} landscapeName={landscape.name} />
        <ProbeAllControl landscapeId={landscape.id} onEdgeStates={setProbeStates} />
      </div>
      {/* A row of its own: one row of eight buttons overflows at 1280 px; the radar's count, last, moves nothing. */}
      <div className="landscape-toolbar" role="toolbar" aria-label="Evidence and handover">
        <EvidenceButtons open={evidenceOpen} onOpen={setEvidenceOpen} radar={radar} />
      </div>
      {problem && <p className="status status-error" role="alert">{problem}</p>}
      <EvidencePanel open={evidenceOpen} landscape={landscape} radar={radar} onClose={() => setEvidenceOpen(null)} />
      {editing === 'system' && (
        <AddSystemForm onCancel={() => setEditing(null)} onAdd={async (s) => { const e = await apply(client.addSystem(landscape.id, s)); if (!e) setEditing(null); return e; }} />
      )}
      {editing === 'iflow' && <IflowImport landscapeId={landscape.id} landscapeName={landscape.name} startOpen onClose={() => setEditing(null)} />}
      {editing === 'pathway' && (
        <AddPathwayForm landscape={landscape} onCancel={() => setEditing(null)} onAdd={async (p) => { const e = await apply(client.addPathway(landscape.id, p)); if (!e) setEditing(null); return e; }} />
      )}
      <div className="diagram-frame">
        <DiagramCanvas layout={layout} names={names} selected={selection?.id ?? null} onOpenEdge={(id) => setSelection({ kind: 'edge', id })} onOpenNode={(id) => setSelection({ kind: 'node', id })} />
      </div>
      <StateLegend />
      {view && (
        <DirectionPanel
          landscape={landscape}
          view={view}
          credentials={credentials}
          onClose={close}
          onSave={(patch) => apply(client.updatePathway(landscape.id, view.id, patch))}
          onTick={(stepId, done) => apply(client.tickStep(landscape.id, view.id, stepId, done))}
          onRemove={() => void apply(client.removePathway(landscape.id, view.id)).then((e) => (e ? setProblem(e.message) : setSelection(null)))}
        />
      )}
      {selection?.kind === 'node' && (
        <SystemPanel
          landscape={landscape}
          nodeId={selection.id}
          tenantId={layout.tenant.id}
          onClose={close}
          onOpenPathway={(id) => setSelection({ kind: 'edge', id })}
          onRemove={() => void removeSystem(selection.id)}
          onTenantSaved={onChanged}
        />
      )}
    </div>
  );
}
