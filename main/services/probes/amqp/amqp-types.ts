import type { Route } from '../net/route';
import type { TrustSets } from '../tls/assess-chain';

/** CI's AMQP adapter Transport Protocol: TCP (5672, 5671 with TLS) or WebSocket (80 / 443 and a path). */
export type AmqpTransport = 'tcp' | 'websocket';

/**
 * Which end of the link CI is: the AMQP receiver adapter (CI sends to the queue or topic) opens a
 * sender link; the AMQP sender adapter (CI consumes) opens a receiver link.
 */
export type AmqpLinkRole = 'sender' | 'receiver';

export interface AmqpProbeOptions {
  host: string;
  port: number;
  transport: AmqpTransport;
  tls: boolean;
  /** The WebSocket path (default /). */
  path?: string;
  /** The queue or topic, as the adapter's Destination Name (broker-specific: /amq/queue/orders, queue:orders, …). */
  address: string;
  role: AmqpLinkRole;
  route: Route;
  /** Local trust + the modelled CI keystore (the CI keystore decides, as everywhere). */
  trust: TrustSets;
  /** Absent: SASL ANONYMOUS (the adapter's Authentication None). */
  user?: string;
  password?: string;
  now?: () => Date;
}

/** The adapter's usual ports: 5671 with TLS, 5672 without (TCP); 443 / 80 for WebSocket. */
export function amqpDefaultPort(transport: AmqpTransport, tls: boolean): number {
  if (transport === 'websocket') return tls ? 443 : 80;
  return tls ? 5671 : 5672;
}
