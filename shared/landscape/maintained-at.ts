/**
 * "Where it is maintained": for every pathway the ordered list of what must be created where, with
 * stable step ids (the checklist ticks refer to them) and the access rights each place needs.
 * Seed 002: inbound credentials live in the BTP cockpit, outbound ones in the CI Monitor, so
 * editing both directions needs BTP cockpit rights beyond the Cloud Integration roles.
 */
import { ciIsClient, deriveDirection, peerOf } from './protocols';
import { findSystemKind } from './system-kinds';
import type { Landscape, Pathway } from './landscape-schema';
import type { Place } from './vocabulary';
import { pgpSteps } from '../pgp/pathway-pgp';

export interface MaintenanceStep {
  id: string;
  place: Place;
  title: string;
  detail: string;
}

export const PLACE_ACCESS_RIGHTS: Record<Exclude<Place, 'peer-system'>, string[]> = {
  'btp-cockpit': [
    'BTP cockpit access to the subaccount',
    'Space Developer in the Cloud Foundry space (create Process Integration Runtime instances and service keys)',
  ],
  'ci-monitor': [
    'Cloud Integration role to manage security material (User Credentials, Keystore, Known Hosts, PGP Keys) in Monitor → Manage Security',
  ],
};

function inboundSteps(p: Pathway): MaintenanceStep[] {
  const keyType =
    p.auth === 'client-certificate' ? 'Certificate (SAP-generated) or External Certificate (your certificate, pinned)' : 'ClientId/Secret';
  return [
    {
      id: 'btp-instance',
      place: 'btp-cockpit',
      title: 'Process Integration Runtime instance',
      detail: 'Instances and Subscriptions → Create: plan integration-flow, grant type Client Credentials, role ESBMessaging.send or the User Role set in the sender adapter.',
    },
    {
      id: 'btp-service-key',
      place: 'btp-cockpit',
      title: `Service key: ${keyType}`,
      detail:
        p.auth === 'client-certificate'
          ? 'The sender presents the certificate (whole chain to a load-balancer-supported root); one certificate per service key.'
          : p.auth === 'basic'
            ? 'The sender uses clientid as user and clientsecret as password.'
            : 'The sender fetches a token from tokenurl with clientid/clientsecret.',
    },
  ];
}

/** Whether CI speaks TLS to the peer (and so needs its root in the keystore). */
function usesTls(p: Pathway): boolean {
  if (p.protocol === 'smtp') return p.smtp?.protection !== 'off';
  if (p.protocol === 'ftp') return p.ftp?.protection !== 'off';
  if (p.protocol === 'imap' || p.protocol === 'pop3') return p.mailbox?.protection !== 'off';
  if (p.protocol === 'amqp') return p.amqp?.tls !== false;
  return true;
}

function ciClientSteps(p: Pathway): MaintenanceStep[] {
  const steps: MaintenanceStep[] = [];
  const cloudConnector: MaintenanceStep[] = [];
  if (p.protocol === 'sftp') {
    steps.push({ id: 'ci-known-hosts', place: 'ci-monitor', title: 'Known Hosts (SSH)', detail: 'Add the server host key line (for On-Premise: under the Cloud Connector virtual host name).' });
  } else if (p.protocol === 'https' && p.proxy.type === 'on-premise') {
    // CI speaks plain http:// to the Cloud Connector, which does TLS to the back end: no server root in the tenant keystore.
    cloudConnector.push({ id: 'cc-mapping', place: 'peer-system', title: 'Cloud Connector: virtual host and resource', detail: 'Map the virtual host:port to the internal host (HTTPS to the back end is trusted by the Cloud Connector, not the tenant keystore) and allow the resource path; CI calls http://<virtual host>:<virtual port>/….' });
  } else if (usesTls(p)) {
    steps.push({ id: 'ci-keystore-trust', place: 'ci-monitor', title: 'Keystore: server root CA', detail: deriveDirection(p) !== 'inbound' ? "Add the receiver server certificate's root CA to the tenant keystore (needed even for Basic)." : "Add the root CA of the server certificate of the system Cloud Integration polls to the tenant keystore (needed even with user and password)." });
  }
  const name = p.credentialName ? ` "${p.credentialName}"` : '';
  const alias = p.keystoreAlias ? ` "${p.keystoreAlias}"` : '';
  if (['basic', 'password', 'dual', 'plain', 'encrypted'].includes(p.auth)) {
    steps.push({ id: 'ci-user-credentials', place: 'ci-monitor', title: `User Credentials${name}`, detail: 'Security Material → Create → User Credentials; the adapter refers to it by Credential Name.' });
  }
  if (p.auth === 'oauth2-client-credentials') {
    steps.push({ id: 'ci-oauth2-credentials', place: 'ci-monitor', title: `OAuth2 Client Credentials${name}`, detail: 'Security Material → Create → OAuth2 Client Credentials (token URL, client id, secret).' });
  }
  if (['client-certificate', 'public-key', 'dual'].includes(p.auth)) {
    steps.push({ id: 'ci-keystore-key-pair', place: 'ci-monitor', title: `Keystore key pair${alias}`, detail: 'Keystore → Add → Key Pair (alias must not start with sap_); the adapter refers to it by Private Key Alias.' });
  }
  // The CI side first; the Cloud Connector is on the customer's side, with the peer's steps.
  return [...steps, ...cloudConnector];
}

/** The ordered steps for one pathway: the CI side first, then the peer's own side. */
export function maintenanceSteps(landscape: Pick<Landscape, 'systems'>, p: Pathway): MaintenanceStep[] {
  const direction = deriveDirection(p);
  if (!direction) return [];
  const own = ciIsClient(p.protocol, direction) ? ciClientSteps(p) : inboundSteps(p);
  const peer = landscape.systems.find((s) => s.id === peerOf(p));
  const kind = peer ? findSystemKind(peer.kind) : undefined;
  const peerSteps = kind ? (direction === 'inbound' ? kind.asSender : kind.asReceiver) : [];
  const pgp = pgpSteps(p.pgp, direction, peer?.name ?? 'the partner');
  return [...own, ...pgp.filter((s) => s.place === 'ci-monitor'), ...peerSteps.map((s) => ({ ...s, place: 'peer-system' as const })), ...pgp.filter((s) => s.place === 'peer-system')];
}

/** The distinct places, in the order they are visited. */
export function placesOf(steps: MaintenanceStep[]): Place[] {
  return [...new Set(steps.map((s) => s.place))];
}

export function accessRightsFor(landscape: Pick<Landscape, 'systems'>, p: Pathway, place: Place): string[] {
  if (place !== 'peer-system') return PLACE_ACCESS_RIGHTS[place];
  const peer = landscape.systems.find((s) => s.id === peerOf(p));
  return (peer && findSystemKind(peer.kind)?.accessRights) || [];
}
