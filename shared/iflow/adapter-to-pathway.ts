/**
 * One adapter as pathway fields of the landscape model, with the findings of what the model could
 * not carry as written (an authentication it has no word for, an alias CI refuses, a value only
 * known at run time). The caller places it between its system and the tenant.
 */
import type { PathwayInput, Tenant } from '../landscape/landscape-schema';
import { isAuthValid, validAuthMethods } from '../landscape/protocols';
import { aliasProblem } from '../landscape/rules-security';
import type { AuthMethod } from '../landscape/vocabulary';
import type { AdapterDetail } from './derive-adapters';

export interface ImportFinding {
  severity: 'info' | 'warning';
  iflow: string;
  adapter: string;
  message: string;
}

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
  if (!known.includes(a.authentication)) note('warning', `Authentication "${a.authentication}" has no equivalent in the model; the pathway is recorded as ${auth}. Check the adapter in the iFlow.`);
  else if (a.authentication !== auth && !(a.authentication === 'basic' && ['password', 'plain'].includes(auth))) note('warning', `Authentication "${a.authentication}" is recorded as ${auth} for ${a.protocol.toUpperCase()}.`);
  if (a.direction === 'inbound' && a.protocol === 'https' && !tenant.runtimeHost.trim() && a.path) note('info', 'The tenant runtime host is not set: the inbound endpoint holds only its path. Set the runtime host on the tenant.');
  if (!a.probed) note('info', `The ${a.adapter} adapter is recorded as a pathway that is not probed from the laptop.`);
  for (const name of a.unresolved) note('warning', `Parameter {{${name}}} has no value in the archive's parameters.prop: enter it in the pathway, or export the iFlow with its configuration.`);
  for (const d of a.dynamic) note('info', `Set at run time (${d}): the value is known only when a message runs; enter the real one in the pathway.`);
  let keystoreAlias: string | undefined = a.privateKeyAlias || undefined;
  if (keystoreAlias && aliasProblem(keystoreAlias)) {
    note('warning', `Private key alias "${keystoreAlias}" is not kept on the pathway: ${aliasProblem(keystoreAlias)}`);
    keystoreAlias = undefined;
  }
  if (a.protocol === 'sftp' && a.hostKeyVerification === 'off') note('warning', 'The adapter does not check the SFTP host key: add the host key to Known Hosts and switch the check on.');
  const proxy: PathwayFields['proxy'] =
    a.proxyType === 'on-premise'
      ? { type: 'on-premise', locationId: a.locationId.slice(0, 100), virtualHost: a.host }
      : a.proxyType === 'manual' && a.proxyHost && a.proxyPort
        ? { type: 'manual', host: a.proxyHost, port: a.proxyPort }
        : { type: 'internet' };
  if (a.proxyType === 'manual' && proxy.type !== 'manual') note('warning', 'Manual proxy without host and port: recorded as Internet.');
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
