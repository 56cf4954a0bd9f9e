/**
 * From one `.iflw` (BPMN 2 with SAP's `ifl:property` extensions) to the connections it makes:
 * every `bpmn2:messageFlow` that carries a ComponentType is an adapter; Sender = inbound
 * (the system calls Cloud Integration), Receiver = outbound. Pure: text in, data out.
 */
import { classifyAdapter } from './adapter-catalogue';
import { hostKeyVerification, normaliseAuth, normaliseProtection, normaliseProxy, splitAddress, type MailProtection, type ProxyWord } from './adapter-fields';
import { createPropertyReader, propertyPairs, type PropertyReader } from './property-reader';
import { decodeXmlText, parseSafeXml } from './safe-xml';
import type { Protocol, Adapter } from '../landscape/vocabulary';

/** One adapter as the CLI JSON and the preview show it (keys in this order). */
export interface IflowAdapter {
  adapter: string;
  name: string;
  direction: 'inbound' | 'outbound';
  participant: string;
  host: string;
  port: number | null;
  path: string;
  authentication: string;
  credentialName: string;
  privateKeyAlias: string;
  proxyType: ProxyWord;
  locationId: string;
  internal: boolean;
  probed: boolean;
  hostKeyVerification: 'known-hosts' | 'off' | null;
  mailProtection: MailProtection | null;
  unresolved: string[];
  dynamic: string[];
}

/** What the landscape mapping needs beyond the shown fields. */
export interface AdapterDetail extends IflowAdapter {
  flowId: string;
  protocol: Protocol;
  modelAdapter: Adapter;
  proxyHost: string;
  proxyPort: number | null;
  user: string;
  mailFrom: string;
  mailTo: string;
  address: string;
}

const KEYS = {
  auth: ['authenticationMethod', 'authentication', 'senderAuthType', 'AuthenticationMethod', 'authType', 'authorization', 'AuthorizationType'],
  credential: ['credentialName', 'credential_name', 'CredentialName', 'alias', 'userCredentialAlias', 'oauth2CredentialName'],
  alias: ['privateKeyAlias', 'PrivateKeyAlias', 'odataCertAuthPrivateKeyAlias', 'private_key_alias', 'privateKeyAliasForClientCertificate'],
  location: ['locationID', 'locationId', 'location_id', 'scc_location_id', 'LocationID'],
  receiverAddress: ['httpAddressWithoutQuery', 'address', 'Address', 'url', 'host', 'Host', 'hostname'],
  senderAddress: ['urlPath', 'address', 'Address'],
} as const;

interface Participant {
  name: string;
  type: string;
}

function participants(collaboration: Record<string, unknown>): Map<string, Participant> {
  const map = new Map<string, Participant>();
  for (const p of (collaboration.participant as Record<string, unknown>[] | undefined) ?? []) {
    const id = String(p['@id'] ?? '');
    const inner = propertyPairs(p.extensionElements).get('ifl:type') ?? '';
    if (id) map.set(id, { name: decodeXmlText(String(p['@name'] ?? '')).trim(), type: String(p['@type'] ?? inner) });
  }
  return map;
}

function sftpOrMailExtras(r: PropertyReader, protocol: Protocol) {
  return {
    user: protocol === 'sftp' ? r.get('user', ['username', 'userName', 'user', 'User']) : '',
    sftpPath: protocol === 'sftp' ? r.get('path', ['path', 'directory', 'Directory']) : '',
    mailFrom: protocol === 'smtp' ? r.get('from', ['from', 'From']) : '',
    mailTo: protocol === 'smtp' ? r.get('to', ['to', 'To']) : '',
  };
}

function deriveOne(flow: Record<string, unknown>, parts: Map<string, Participant>, params: Map<string, string>): AdapterDetail | undefined {
  const pairs = propertyPairs(flow.extensionElements);
  const type = pairs.get('ComponentType') ?? '';
  if (!type) return undefined;
  const r = createPropertyReader(pairs, params);
  const source = parts.get(String(flow['@sourceRef'] ?? ''));
  const target = parts.get(String(flow['@targetRef'] ?? ''));
  const declared = (pairs.get('direction') ?? '').toLowerCase();
  const inbound = declared ? declared === 'sender' : source?.type === 'EndpointSender';
  const direction = inbound ? 'inbound' : 'outbound';
  const cls = classifyAdapter(type, direction);
  const peer = inbound ? source : target;
  const address = r.get('address', inbound ? KEYS.senderAddress : KEYS.receiverAddress);
  const split = splitAddress(address);
  const portValue = r.get('port', ['port', 'Port']);
  const port = split.port ?? (/^\d{1,5}$/.test(portValue) ? Number(portValue) : null);
  const extras = sftpOrMailExtras(r, cls.protocol);
  const proxyType = normaliseProxy(r.get('proxyType', ['proxyType', 'ProxyType']));
  const fallbackAuth = cls.protocol === 'sftp' ? 'public-key' : 'none';
  const proxyPort = r.get('proxyPort', ['proxyPort']);
  return {
    adapter: type,
    name: decodeXmlText(String(flow['@name'] ?? '')).trim() || type,
    direction,
    participant: peer?.name || pairs.get('system') || '',
    host: split.host,
    port,
    path: cls.protocol === 'sftp' ? extras.sftpPath || split.path : split.path,
    authentication: normaliseAuth(r.get('authentication', KEYS.auth), fallbackAuth),
    credentialName: r.get('credentialName', KEYS.credential),
    privateKeyAlias: r.get('privateKeyAlias', KEYS.alias),
    proxyType,
    locationId: proxyType === 'on-premise' ? r.get('locationId', KEYS.location) : '',
    internal: cls.internal,
    probed: cls.probed,
    hostKeyVerification: cls.protocol === 'sftp' ? hostKeyVerification(r.keys(), (k) => r.get('hostKeyVerification', [k])) : null,
    mailProtection: cls.protocol === 'smtp' ? (normaliseProtection(r.get('protection', ['protection', 'mailProtection', 'Protection'])) ?? 'starttls-mandatory') : null,
    get unresolved() {
      return r.unresolved;
    },
    dynamic: r.dynamic,
    flowId: String(flow['@id'] ?? '') || type,
    protocol: cls.protocol,
    modelAdapter: cls.adapter,
    proxyHost: proxyType === 'manual' ? r.get('proxyHost', ['proxyHost']) : '',
    proxyPort: proxyType === 'manual' && /^\d{1,5}$/.test(proxyPort) ? Number(proxyPort) : null,
    user: extras.user,
    mailFrom: extras.mailFrom,
    mailTo: extras.mailTo,
    address,
  };
}

export class IflowFormatError extends Error {}

/** Every adapter of one iFlow; throws IflowFormatError when the XML is not an integration flow. */
export function deriveAdapters(iflwText: string, params: Map<string, string>): AdapterDetail[] {
  const doc = parseSafeXml(iflwText);
  const definitions = doc.definitions as Record<string, unknown> | undefined;
  const collaboration = definitions?.collaboration as Record<string, unknown> | undefined;
  if (!definitions || !collaboration) throw new IflowFormatError('it is not an integration flow (no bpmn2:definitions with a collaboration)');
  const parts = participants(collaboration);
  const flows = (collaboration.messageFlow as Record<string, unknown>[] | undefined) ?? [];
  // Snapshot the getters so the result is plain data.
  return flows.flatMap((f) => {
    const d = deriveOne(f, parts, params);
    return d ? [{ ...d, unresolved: d.unresolved, dynamic: [...d.dynamic] }] : [];
  });
}

/** The shown part of an adapter, in the JSON's stable key order. */
export function publicAdapter(d: AdapterDetail): IflowAdapter {
  const { adapter, name, direction, participant, host, port, path, authentication, credentialName, privateKeyAlias, proxyType, locationId, internal, probed, hostKeyVerification: hk, mailProtection, unresolved, dynamic } = d;
  return { adapter, name, direction, participant, host, port, path, authentication, credentialName, privateKeyAlias, proxyType, locationId, internal, probed, hostKeyVerification: hk, mailProtection, unresolved, dynamic };
}
