/**
 * Version 1 of the landscapes document (the first prototype's format) named things differently:
 * `environment` (dev/test/prod), systems with `type`, and unnumbered `connections` with
 * `source`/`target`/`authentication`/`url` and an optional `viaCloudConnector`. Version 2 numbers
 * pathways, adds the proxy union, the checklist and the modelled keystore.
 */
type Json = Record<string, unknown>;

const STAGES: Record<string, string> = { dev: 'development', test: 'test', prod: 'production' };

function asArray(value: unknown, what: string): Json[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`v1 ${what} is not a list`);
  return value as Json[];
}

function migrateConnection(c: Json, index: number, fallbackDate: unknown): Json {
  const via = c.viaCloudConnector as Json | undefined;
  return {
    id: c.id,
    number: index + 1,
    from: c.source,
    to: c.target,
    protocol: c.protocol,
    adapter: c.adapter,
    endpoint: c.url ?? '',
    proxy: via ? { type: 'on-premise', locationId: via.locationId ?? '', virtualHost: via.virtualHost ?? '' } : { type: 'internet' },
    auth: c.authentication,
    ...(c.credentialId ? { credentialId: c.credentialId } : {}),
    checklistDone: [],
    updatedAt: c.modified ?? fallbackDate,
  };
}

function migrateLandscape(l: Json): Json {
  const env = String(l.environment ?? 'dev');
  if (!(env in STAGES)) throw new Error(`v1 environment "${env}" is unknown`);
  return {
    id: l.id,
    name: l.name,
    customer: l.customer ?? '',
    stage: STAGES[env],
    tenant: l.tenant ?? {},
    systems: asArray(l.systems, 'systems').map((s) => ({ id: s.id, name: s.name, kind: s.type, ...(s.host ? { host: s.host } : {}) })),
    pathways: asArray(l.connections, 'connections').map((c, i) => migrateConnection(c, i, l.modified)),
    caCertificates: [],
    ciKeystore: [],
    knownHosts: [],
    hostKeyTrust: [],
    createdAt: l.created,
    updatedAt: l.modified,
  };
}

export function migrateV1toV2(doc: Json): Json {
  return { schemaVersion: 2, landscapes: asArray(doc.landscapes, 'landscapes').map(migrateLandscape) };
}
