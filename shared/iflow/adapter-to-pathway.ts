/**
 * One adapter as pathway fields of the landscape model, with the findings of what the model could
 * not carry as written (an authentication it has no word for, an alias CI refuses, a value only
 * known at run time). The caller places it between its system and the tenant.
 */
import type { PathwayInput, Tenant } from '../landscape/landscape-schema';
import { isAuthValid, validAuthMethods } from '../landscape/protocols';
import { aliasProblem } from '../landscape/rules-security';
import { AUTH_LABELS, type AuthMethod } from '../landscape/vocabulary';
import type { AdapterDetail } from './derive-adapters';

export interface ImportFinding {
  severity: 'info' | 'warning';
  iflow: string;
  adapter: string;
  message: string;
}

/** The adapter authentications the model has no word for, as Cloud Integration names them. */
const IMPORT_AUTH_LABELS: Record<string, string> = {
  'principal-propagation': 'Principal Propagation',
  'oauth2-saml-bearer': 'OAuth2 SAML Bearer Assertion',
  'oauth2-authorization-code': 'OAuth2 Authorization Code',
};

/** The adapter settings a run-time value can sit in, in the words of the adapter's dialog. */
const SETTING_WORDS: Record<string, string> = {
  address: 'Address', authentication: 'Authentication', credentialName: 'Credential Name', from: 'From', hostKeyVerification: 'Host key verification',
  locationId: 'Location ID', path: 'Directory', port: 'Port', privateKeyAlias: 'Private Key Alias', protection: 'Protection', proxyHost: 'Proxy host',
  proxyPort: 'Proxy port', proxyType: 'Proxy Type', to: 'To', user: 'User Name',
};

export type PathwayFields = Omit<PathwayInput, 'id' | 'number' | 'updatedAt' | 'from' | 'to'>;

function modelAuth(a: AdapterDetail): AuthMethod {
  const word = a.authentication;
  if (a.protocol === 'sftp') return (['password', 'public-key', 'dual', 'none'] as const).find((x) => x === word) ?? (word === 'basic' ? 'password' : 'public-key');
  if (a.protocol === 'smtp') return word === 'encrypted' ? 'encrypted' : word === 'none' ? 'none' : 'plain';
  if (word === 'basic' || word === 'client-certificate' || word === 'oauth2-client-credentials' || word === 'none') return word;
  if (word === 'password') return 'password';
  if (word === 'public-key') return 'public-key';
  return 'none';
}

function endpointOf(a: AdapterDetail, tenant: Pick<Tenant, 'runtimeHost'>): string {
  if (a.direction === 'inbound' && a.protocol === 'https') {
    if (!a.path) return '';
    const prefix = a.adapter.toLowerCase() === 'https' ? '/http' : '/cxf';
    const path = `${prefix}${a.path.startsWith('/') ? '' : '/'}${a.path}`;
    return tenant.runtimeHost.trim() ? `https://${tenant.runtimeHost.trim()}${path}` : path;
  }
  if (a.protocol === 'sftp' || a.protocol === 'smtp') return a.host ? `${a.host}${a.port ? `:${a.port}` : ''}` : '';
  return a.address;
}

export function adapterToPathway(a: AdapterDetail, iflow: string, tenant: Pick<Tenant, 'runtimeHost'>): { fields: PathwayFields; findings: ImportFinding[] } {
  const findings: ImportFinding[] = [];
  const note = (severity: ImportFinding['severity'], message: string) => findings.push({ severity, iflow, adapter: a.name, message });
  let auth = modelAuth(a);
  if (!isAuthValid(a.protocol, a.direction, auth)) auth = validAuthMethods(a.protocol, a.direction)[0] ?? 'none';
  const known = ['basic', 'client-certificate', 'oauth2-client-credentials', 'none', 'password', 'public-key', 'dual', 'plain', 'encrypted'];
  const label = (word: string) => AUTH_LABELS[word as AuthMethod] ?? IMPORT_AUTH_LABELS[word] ?? word;
  const fix = 'After the import, open the pathway in the diagram and choose the authentication the connection really uses.';
  if (!known.includes(a.authentication)) note('warning', `The adapter uses ${label(a.authentication)}, which this app cannot model or probe; the pathway is recorded with "${label(auth)}". ${fix}`);
  else if (a.authentication !== auth && !(a.authentication === 'basic' && ['password', 'plain'].includes(auth))) note('warning', `The adapter's authentication "${label(a.authentication)}" does not exist for ${a.protocol.toUpperCase()}; the pathway is recorded with "${label(auth)}". ${fix}`);
  if (a.direction === 'inbound' && a.protocol === 'https' && !tenant.runtimeHost.trim() && a.path) note('info', "The tenant's runtime host is not known yet, so the inbound endpoint holds only its path. Set it from the tenant's service key: Credentials → the service key → Apply URLs.");
  if (!a.probed) note('info', `The ${a.adapter} adapter becomes a pathway that this app does not probe from the laptop: it appears in the diagram and the handover; test it from Cloud Integration once deployed (Monitor → Manage Security → Connectivity Tests, where the adapter type is offered).`);
  for (const name of a.unresolved) note('warning', `Parameter {{${name}}} has no value in the archive's parameters.prop. After the import, open the pathway in the diagram and enter the value; or give the parameter a value in the iFlow (Design → Configure) and export it again.`);
  for (const d of a.dynamic) note('info', `Set at run time (${d.replace(/^(\w+): /, (_x, f: string) => `${SETTING_WORDS[f] ?? f}: `)}): the value is known only when a message runs. After the import, open the pathway in the diagram and enter the value the connection really uses.`);
  let keystoreAlias: string | undefined = a.privateKeyAlias || undefined;
  if (keystoreAlias && aliasProblem(keystoreAlias)) {
    note('warning', `Private key alias "${keystoreAlias}" is not kept on the pathway: ${aliasProblem(keystoreAlias)}`);
    keystoreAlias = undefined;
  }
  if (a.protocol === 'sftp' && a.hostKeyVerification === 'off') note('warning', "The adapter does not check the SFTP server's host key: add the host key in Monitor → Manage Security → Known Hosts (SSH), then switch the check on in the adapter.");
  const proxy: PathwayFields['proxy'] =
    a.proxyType === 'on-premise'
      ? { type: 'on-premise', locationId: a.locationId.slice(0, 100), virtualHost: a.host }
      : a.proxyType === 'manual' && a.proxyHost && a.proxyPort
        ? { type: 'manual', host: a.proxyHost, port: a.proxyPort }
        : { type: 'internet' };
  if (a.proxyType === 'manual' && proxy.type !== 'manual') note('warning', 'The adapter names a manual proxy without host and port; the pathway is recorded as going straight to the Internet. Enter the proxy in the pathway after the import, or fix the adapter.');
  const fields: PathwayFields = {
    protocol: a.protocol,
    adapter: a.modelAdapter,
    endpoint: endpointOf(a, tenant).slice(0, 2048),
    proxy,
    auth,
    ...(a.credentialName ? { credentialName: a.credentialName } : {}),
    ...(keystoreAlias ? { keystoreAlias } : {}),
    ...(a.protocol === 'sftp' ? { sftp: { ...(a.path ? { directory: a.path } : {}), ...(a.user ? { user: a.user } : {}) } } : {}),
    ...(a.protocol === 'smtp' ? { smtp: { protection: a.mailProtection ?? 'starttls-mandatory', ...(a.mailFrom ? { from: a.mailFrom.slice(0, 320) } : {}), ...(a.mailTo ? { to: a.mailTo.slice(0, 320) } : {}) } } : {}),
  };
  return { fields, findings };
}
