import type { Landscape, PathwayView } from '../../../shared/landscape';
import type { AppErrorData } from '../../../shared/result';
import { ConfirmButton } from './ConfirmButton';
import { DirectionLine } from './DirectionLine';
import { FindingsList } from './FindingsList';
import type { CredentialOption } from './landscape-client';
import { MaintainedWhere } from './MaintainedWhere';
import { PathwayConfigForm, type SavePatch } from './PathwayConfigForm';
import { ProbeSlot } from './ProbeSlot';
import { PgpPathwayFields } from './PgpPathwayFields';
import { HostKeyConfirm } from '../probe/HostKeyConfirm';
import { IflowSources } from './IflowSources';
import { DetailPanel } from './DetailPanel';

export interface DirectionPanelProps {
  landscape: Landscape;
  view: PathwayView;
  credentials: CredentialOption[] | null;
  onSave: SavePatch;
  onTick: (stepId: string, done: boolean) => Promise<AppErrorData | null>;
  onRemove: () => void;
  onClose: () => void;
}

/** Everything about one direction of one pathway, opened by clicking its edge. */
export function DirectionPanel({ landscape, view, credentials, onSave, onTick, onRemove, onClose }: DirectionPanelProps) {
  const pathway = landscape.pathways.find((p) => p.id === view.id);
  const peerName = view.direction === 'outbound' ? view.to : view.from;
  return (
    <DetailPanel title={`Pathway ${view.number}: ${view.from} → ${view.to}`} titleId={`panel-${view.id}`} onClose={onClose}>
      <DirectionLine view={view} peerName={peerName} />
      <MaintainedWhere view={view} peerName={peerName} onTick={onTick} />
      {pathway && <IflowSources pathway={pathway} />}
      <div>
        {pathway && view.direction && <PathwayConfigForm key={pathway.id} pathway={pathway} direction={view.direction} credentials={credentials} onSave={onSave} />}
        {pathway && view.direction && <PgpPathwayFields key={`pgp-${pathway.id}`} pathway={pathway} direction={view.direction} onSave={onSave} />}
        <FindingsList findings={view.findings} />
        <ProbeSlot landscapeId={landscape.id} pathwayId={view.id} endpoint={pathway?.endpoint ?? ''} />
        {pathway?.protocol === 'sftp' && <HostKeyConfirm landscapeId={landscape.id} pathwayId={view.id} />}
      </div>
      <div className="panel-actions">
        <ConfirmButton label={`Remove pathway ${view.number}…`} confirmLabel={`Remove pathway ${view.number}`} onConfirm={onRemove} />
      </div>
    </DetailPanel>
  );
}
