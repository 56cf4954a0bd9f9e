import { findSystemKind, viewPathways, type Landscape } from '../../../shared/landscape';
import { ConfirmButton } from './ConfirmButton';
import { DetailPanel } from './DetailPanel';
import { TenantFields } from './TenantFields';

/** A system (or the tenant) opened from the diagram: what it is, its pathways, remove it. */
export function SystemPanel({
  landscape,
  nodeId,
  tenantId,
  onOpenPathway,
  onRemove,
  onClose,
  onTenantSaved,
}: {
  landscape: Landscape;
  nodeId: string;
  tenantId: string;
  onOpenPathway: (id: string) => void;
  onRemove: () => void;
  onClose: () => void;
  onTenantSaved: (l: Landscape) => void;
}) {
  const system = landscape.systems.find((s) => s.id === nodeId);
  const kind = system ? findSystemKind(system.kind) : undefined;
  const pathways = viewPathways(landscape).filter((p) => p.fromId === nodeId || p.toId === nodeId);
  const title = system ? system.name : landscape.tenant.name || 'Cloud Integration';
  return (
    <DetailPanel title={title} titleId={`panel-node-${nodeId}`} onClose={onClose}>
      <p className="direction-line">
        {system
          ? `${kind?.label ?? system.kind} — ${kind?.location === 'customer-landscape' ? 'in the customer landscape' : 'in the cloud'}.`
          : 'The Cloud Integration tenant: every message passes through it.'}
      </p>
      {nodeId === tenantId && <TenantFields landscape={landscape} onSaved={onTenantSaved} />}
      <div>
        <h3>Pathways</h3>
        {pathways.length === 0 ? (
          <p>No pathways yet: add one with “Add pathway”.</p>
        ) : (
          <ul>
            {pathways.map((p) => (
              <li key={p.id}>
                <button type="button" onClick={() => onOpenPathway(p.id)}>
                  Pathway {p.number}: {p.from} → {p.to} ({p.direction ?? 'no direction'})
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      {system && (
        <div className="panel-actions">
          <ConfirmButton
            label={`Remove ${system.name}…`}
            confirmLabel={
              pathways.length
                ? `Remove ${system.name} and its ${pathways.length} pathways`
                : `Remove ${system.name}`
            }
            onConfirm={onRemove}
          />
        </div>
      )}
    </DetailPanel>
  );
}
