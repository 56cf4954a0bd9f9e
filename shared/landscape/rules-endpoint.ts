/**
 * Endpoint and proxy rules from the adapter documentation: On-Premise HTTP receivers use http://
 * and the Cloud Connector virtual host and never client certificates; SFTP via Cloud Connector uses
 * the virtual host; inbound endpoints are /http/… or /cxf/… on the runtime host; SMTPS is Internet only.
 */
import type { Finding } from '../probe/probe-types';
import type { Landscape, Pathway } from './landscape-schema';
import { deriveDirection } from './protocols';

function hostOf(endpoint: string): string | undefined {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/:?#]+)/i.exec(endpoint.trim());
  return m?.[1]?.toLowerCase();
}

export function checkEndpoint(landscape: Pick<Landscape, 'tenant'>, p: Pathway): Finding[] {
  const direction = deriveDirection(p);
  if (!direction) return [];
  const out: Finding[] = [];
  const endpoint = p.endpoint.trim();
  if (!endpoint) {
    out.push({ code: 'ENDPOINT_MISSING', severity: 'info', message: `Pathway ${p.number} has no endpoint yet.`, fix: direction === 'inbound' ? 'Enter the deployed iFlow endpoint (Monitor → Manage Integration Content → Endpoints).' : 'Enter the receiver address the adapter calls.', whereToFix: 'this-app', field: 'endpoint' });
  }
  if (direction === 'inbound' && p.protocol === 'https' && endpoint) {
    const path = endpoint.replace(/^[a-z]+:\/\/[^/]*/i, '');
    if (!/^\/(http|cxf)\//i.test(path)) {
      out.push({ code: 'INBOUND_ENDPOINT_PATH', severity: 'warning', message: `Inbound endpoint ${endpoint} does not start with /http/… or /cxf/… on the runtime host.`, fix: 'Enter the endpoint as Monitor → Manage Integration Content → Endpoints shows it: HTTPS sender adapters listen on <runtime>/http/<address>; SOAP, IDoc and XI on <runtime>/cxf/<address>.', whereToFix: 'this-app', field: 'endpoint' });
    }
    // Stored as a bare host by the tenant form; an older value may still carry a scheme or port.
    const runtime = hostOf(landscape.tenant.runtimeHost) ?? '';
    const host = hostOf(endpoint);
    if (runtime && host && host !== runtime) {
      out.push({ code: 'INBOUND_ENDPOINT_HOST', severity: 'warning', message: `Inbound endpoint host ${host} is not the tenant runtime host ${runtime}.`, fix: 'Senders call the runtime (-rt) host from the service key url: use it in the endpoint (and in the sender’s destination).', whereToFix: 'this-app', field: 'endpoint' });
    }
  }
  if (direction === 'outbound' && p.proxy.type === 'on-premise') out.push(...checkOnPremise(p, endpoint));
  if (p.protocol === 'smtp' && p.smtp?.protection === 'smtps' && p.proxy.type === 'on-premise') {
    out.push({ code: 'SMTPS_ON_PREMISE', severity: 'error', message: 'SMTPS is offered only with proxy type Internet.', fix: 'Set the mail adapter’s Protection to Off and configure TLS in the Cloud Connector, or use STARTTLS.', whereToFix: 'iflow-adapter' });
  }
  return out;
}

function checkOnPremise(p: Pathway, endpoint: string): Finding[] {
  const out: Finding[] = [];
  if (p.proxy.type !== 'on-premise') return out;
  // The field asks for host:port (the Cloud Connector's virtual host and port): compare hosts only.
  const vhost = hostOf(p.proxy.virtualHost) ?? '';
  if (!p.proxy.locationId.trim()) {
    out.push({ code: 'ON_PREMISE_LOCATION_ID', severity: 'info', message: `Pathway ${p.number} goes through the Cloud Connector; no location ID is set.`, fix: 'Enter the Cloud Connector location ID (empty is allowed only if the connector has none).', whereToFix: 'this-app', field: 'locationId' });
  }
  if (!vhost) {
    out.push({ code: 'ON_PREMISE_VIRTUAL_HOST_MISSING', severity: 'warning', message: `Pathway ${p.number} goes through the Cloud Connector but names no virtual host.`, fix: 'Enter the virtual host mapped in the Cloud Connector (its Cloud To On-Premise mapping).', whereToFix: 'this-app', field: 'virtualHost' });
  }
  if (p.protocol === 'https') {
    if (endpoint && !/^http:\/\//i.test(endpoint)) {
      out.push({ code: 'ON_PREMISE_HTTP_SCHEME', severity: 'error', message: `On-Premise receiver address ${endpoint} must start with http://.`, fix: 'Use http://<virtual host>:<virtual port>/… in the receiver adapter’s Address (and in this pathway’s endpoint); the Cloud Connector does TLS to the back end.', whereToFix: 'iflow-adapter' });
    }
    if (p.auth === 'client-certificate') {
      out.push({ code: 'ON_PREMISE_CLIENT_CERTIFICATE', severity: 'error', message: 'Client certificate authentication is not possible through the Cloud Connector.', fix: 'Set the receiver adapter’s Authentication to Basic (or principal propagation) for On-Premise receivers.', whereToFix: 'iflow-adapter' });
    }
  }
  const host = endpoint ? hostOf(endpoint) : undefined;
  if (vhost && host && host !== vhost && (p.protocol === 'https' || p.protocol === 'sftp')) {
    out.push({
      code: p.protocol === 'sftp' ? 'SFTP_ON_PREMISE_VIRTUAL_HOST' : 'ON_PREMISE_VIRTUAL_HOST',
      severity: 'error',
      message: `Address host ${host} is not the Cloud Connector virtual host ${vhost}.`,
      fix: p.protocol === 'sftp' ? 'Use the virtual host in the SFTP adapter’s Host (and in the known_hosts entry).' : 'Use the virtual host in the receiver adapter’s Address.',
      whereToFix: 'iflow-adapter',
    });
  }
  return out;
}
