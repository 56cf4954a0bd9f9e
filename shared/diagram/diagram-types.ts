/**
 * The diagram's own input: a small view of a landscape that holds only what the picture needs.
 * The renderer builds it from the landscape model (see to-diagram-input.ts), so the layout stays
 * independent of how the model stores systems and pathways.
 */

export type Zone = 'customer' | 'cloud' | 'tenant';

export interface DiagramNode {
  id: string;
  name: string;
  /** A short product or role line shown under the name, e.g. "SAP S/4HANA". */
  kind: string;
  zone: Zone;
}

/** What the consultant sees at a glance on an edge; the probe issues fill the last four. */
export type EdgeState = 'not-configured' | 'ready' | 'passed' | 'warning' | 'failed' | 'stale';

export type Direction = 'inbound' | 'outbound';

export interface DiagramEdge {
  id: string;
  /** The pathway number drawn on the edge (1-based, unique in a landscape). */
  number: number;
  /** Node ids: for inbound the system is `from` and the tenant `to`; outbound the reverse. */
  from: string;
  to: string;
  direction: Direction;
  protocol: string;
  auth: string;
  state: EdgeState;
  /** True when this leg goes through the Cloud Connector (an On-Premise proxy type). */
  viaCloudConnector: boolean;
  /** Days left of the soonest certificate or key this pathway depends on, when within 30 days (the expiry radar). */
  expiryDays?: number;
}

export interface DiagramInput {
  tenant: DiagramNode;
  systems: DiagramNode[];
  edges: DiagramEdge[];
}
