/**
 * What each Cloud Integration adapter type (the `ComponentType` of a message flow) becomes in the
 * landscape model: the protocol and adapter the probes understand, or 'other' (kept as a pathway,
 * marked not probed), or internal (tenant-to-tenant: listed, never a pathway). Data, not code:
 * add a type here, not in the derivation.
 */
import type { Adapter, Protocol } from '../landscape/vocabulary';

export interface AdapterClass {
  protocol: Protocol;
  adapter: Adapter;
  /** Tenant-internal (ProcessDirect, JMS, …): no system outside the tenant is involved. */
  internal: boolean;
  /** The model can probe this connection from the laptop. */
  probed: boolean;
}

const probed = (protocol: Protocol, adapter: Adapter): AdapterClass => ({ protocol, adapter, internal: false, probed: true });
const OTHER: AdapterClass = { protocol: 'other', adapter: 'other', internal: false, probed: false };
const INTERNAL: AdapterClass = { protocol: 'other', adapter: 'other', internal: true, probed: false };

/** Keyed by the lower-cased ComponentType. */
const CATALOGUE: Record<string, AdapterClass> = {
  https: probed('https', 'http'),
  http: probed('https', 'http'),
  soap: probed('https', 'soap'),
  idoc: probed('https', 'idoc'),
  hciodata: probed('https', 'odata'),
  odata: probed('https', 'odata'),
  successfactors: probed('https', 'odata'),
  sftp: probed('sftp', 'sftp'),
  processdirect: INTERNAL,
  jms: INTERNAL,
  datastore: INTERNAL,
  idempotent: INTERNAL,
};

export function classifyAdapter(componentType: string, direction: 'inbound' | 'outbound'): AdapterClass {
  const key = componentType.trim().toLowerCase();
  // CI sends mail (SMTP receiver); the Mail sender polls IMAP/POP3, which the model does not probe.
  if (key === 'mail') return direction === 'outbound' ? probed('smtp', 'mail') : OTHER;
  return CATALOGUE[key] ?? OTHER;
}
