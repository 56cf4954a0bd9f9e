import { PROTOCOL_LABELS, ciIsClient, type PathwayView } from '../../../shared/landscape';

/** The direction in one line: who calls whom, who is server, and where the credential lives. */
export function DirectionLine({ view, peerName }: { view: PathwayView; peerName: string }) {
  if (!view.direction) return <p className="direction-line">This pathway does not join a system and Cloud Integration yet.</p>;
  const protocol = PROTOCOL_LABELS[view.protocol];
  if (view.direction === 'inbound' && !ciIsClient(view.protocol, view.direction)) {
    return (
      <p className="direction-line" data-testid="direction-line">
        <strong>Inbound:</strong> {peerName} calls Cloud Integration over {protocol} — Cloud Integration is the server; its credential is created in the BTP cockpit.
      </p>
    );
  }
  if (view.direction === 'inbound') {
    return (
      <p className="direction-line" data-testid="direction-line">
        <strong>Inbound (polling):</strong> Cloud Integration fetches from {peerName} over {protocol} — Cloud Integration is the client; its credential lives in Cloud Integration → Monitor → Manage Security.
      </p>
    );
  }
  return (
    <p className="direction-line" data-testid="direction-line">
      <strong>Outbound:</strong> Cloud Integration calls {peerName} over {protocol} — Cloud Integration is the client; its credential lives in Cloud Integration → Monitor → Manage Security.
    </p>
  );
}
