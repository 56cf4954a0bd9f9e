/**
 * The catalogue of system kinds: data, not code. Each kind says where it sits, which protocols and
 * adapters it speaks, and how its own side of a pathway is configured (as sender to CI, and as
 * receiver of CI), plus the access rights that side needs. Correct a fact here, not in the rules.
 */
import type { Adapter, Protocol } from './vocabulary';

export const SYSTEM_KIND_IDS = [
  's4hana-on-premise',
  's4hana-cloud',
  'sscv2',
  'successfactors',
  'c4c',
  'erp-on-premise',
  'sftp-server',
  'mail-server',
  'ftp-server',
  'amqp-broker',
  'generic-https',
  'other-system',
] as const;

export type SystemKindId = (typeof SYSTEM_KIND_IDS)[number];

export interface PeerStep {
  /** Stable id (unique within the kind's side) so ticks survive edits. */
  id: string;
  title: string;
  detail: string;
}

export interface SystemKind {
  id: SystemKindId;
  label: string;
  location: 'customer-landscape' | 'cloud';
  protocols: Protocol[];
  adapters: Adapter[];
  /** The peer's own steps when it calls Cloud Integration (inbound pathway). */
  asSender: PeerStep[];
  /** The peer's own steps when Cloud Integration calls it (outbound pathway). */
  asReceiver: PeerStep[];
  accessRights: string[];
}

const s4OnPremSender: PeerStep[] = [
  { id: 'peer-strust', title: 'STRUST: trust the CI load balancer root', detail: 'Import the load balancer root CA into the SSL client PSE used by the RFC destination.' },
  { id: 'peer-sm59', title: 'SM59: RFC destination to the CI endpoint', detail: 'Type G (HTTP) with the runtime host, /http/… or /cxf/… path, port 443, SSL active and the logon data of the pathway.' },
  { id: 'peer-soamanager', title: 'SOAMANAGER: logical port (SOAP)', detail: 'For SOAP consumers: a logical port pointing at the /cxf/… endpoint with the same authentication.' },
];
const s4OnPremReceiver: PeerStep[] = [
  { id: 'peer-user', title: 'SU01: technical (system) user for CI', detail: 'Communication user with the roles the inbound service needs; the password goes into CI User Credentials.' },
  { id: 'peer-scc', title: 'Cloud Connector: expose the back end', detail: 'Map a virtual host and port to the internal host, allow the resource paths, note the location ID.' },
  { id: 'peer-sicf', title: 'SICF / SOAMANAGER: activate the service', detail: 'Activate the inbound ICF service or SOAP endpoint CI calls.' },
];
const s4CloudSide: PeerStep[] = [
  { id: 'peer-comm-user', title: 'Communication user', detail: 'Create a communication user (password or certificate).' },
  { id: 'peer-comm-system', title: 'Communication system', detail: 'Host = the CI runtime host; inbound/outbound users of the communication user.' },
  { id: 'peer-comm-arrangement', title: 'Communication arrangement', detail: 'The scenario for the integration, bound to the communication system.' },
];
const sscv2Side: PeerStep[] = [
  { id: 'peer-comm-system', title: 'Communication system', detail: 'Host = the CI runtime host; inbound and outbound authentication (user/password or certificate).' },
  { id: 'peer-certificate', title: 'Certificate exchange', detail: 'Upload the CI client certificate / download the SSCv2 certificate as the pathway needs.' },
];
const genericReceiver: PeerStep[] = [
  { id: 'peer-account', title: 'Account for CI', detail: 'Create the user (or trust the client certificate) CI authenticates with.' },
  { id: 'peer-tls', title: 'Server certificate', detail: 'A server certificate from a CA that the CI keystore trusts.' },
];
const genericSender: PeerStep[] = [
  { id: 'peer-endpoint', title: 'Target: the CI endpoint', detail: 'Configure the CI runtime URL (/http/… or /cxf/…) and the credential from the service key.' },
  { id: 'peer-trust', title: 'Trust the CI load balancer', detail: 'The sender must trust the load balancer root CA of the CI runtime host.' },
];

export const SYSTEM_KINDS: readonly SystemKind[] = [
  { id: 's4hana-on-premise', label: 'SAP S/4HANA (on-premise)', location: 'customer-landscape', protocols: ['https'], adapters: ['http', 'soap', 'idoc', 'odata'], asSender: s4OnPremSender, asReceiver: s4OnPremReceiver, accessRights: ['S/4HANA basis: STRUST, SM59, SOAMANAGER, SU01', 'Cloud Connector administrator'] },
  { id: 's4hana-cloud', label: 'SAP S/4HANA Cloud', location: 'cloud', protocols: ['https'], adapters: ['http', 'soap', 'odata'], asSender: s4CloudSide, asReceiver: s4CloudSide, accessRights: ['S/4HANA Cloud business role for communication management (SAP_BR_ADMINISTRATOR)'] },
  { id: 'sscv2', label: 'SAP Sales and Service Cloud Version 2', location: 'cloud', protocols: ['https'], adapters: ['http', 'soap', 'odata'], asSender: sscv2Side, asReceiver: sscv2Side, accessRights: ['SSCv2 administrator (communication systems)'] },
  { id: 'successfactors', label: 'SAP SuccessFactors', location: 'cloud', protocols: ['https', 'sftp'], adapters: ['http', 'soap', 'odata', 'sftp'], asSender: genericSender, asReceiver: [{ id: 'peer-api-user', title: 'API user and permissions', detail: 'An API user with the OData permissions the integration needs; Company ID for the User Credentials.' }], accessRights: ['SuccessFactors administrator (Manage Integration Tools, role-based permissions)'] },
  { id: 'c4c', label: 'SAP Cloud for Customer', location: 'cloud', protocols: ['https'], adapters: ['http', 'soap', 'odata'], asSender: sscv2Side, asReceiver: sscv2Side, accessRights: ['C4C administrator (communication systems and arrangements)'] },
  { id: 'erp-on-premise', label: 'SAP ERP (on-premise)', location: 'customer-landscape', protocols: ['https'], adapters: ['http', 'soap', 'idoc'], asSender: s4OnPremSender, asReceiver: s4OnPremReceiver, accessRights: ['ERP basis: STRUST, SM59, SOAMANAGER, SU01', 'Cloud Connector administrator'] },
  { id: 'sftp-server', label: 'SFTP server', location: 'customer-landscape', protocols: ['sftp'], adapters: ['sftp'], asSender: [{ id: 'peer-sftp-user', title: 'SFTP user and directory', detail: 'A user CI polls with, and the directory it reads.' }, { id: 'peer-authorized-keys', title: 'authorized_keys', detail: 'Add the CI public key (public key or dual authentication).' }], asReceiver: [{ id: 'peer-sftp-user', title: 'SFTP user and directory', detail: 'A user CI writes with, and the target directory.' }, { id: 'peer-authorized-keys', title: 'authorized_keys', detail: 'Add the CI public key (public key or dual authentication).' }], accessRights: ['SFTP server administrator (users, authorized_keys)'] },
  { id: 'mail-server', label: 'Mail server (SMTP, IMAP, POP3)', location: 'cloud', protocols: ['smtp', 'imap', 'pop3'], adapters: ['mail'], asSender: [{ id: 'peer-mailbox-poll', title: 'Mailbox CI polls', detail: 'An account with IMAP (993, or 143 with STARTTLS) or POP3 (995, or 110 with STARTTLS) access, and the folder CI reads (IMAP; POP3 reads only the inbox).' }], asReceiver: [{ id: 'peer-mailbox', title: 'Mailbox / SMTP account', detail: 'An account allowed to send as the From address; port 587 (STARTTLS) or 465 (SMTPS).' }], accessRights: ['Mail administrator (accounts, relay rights)'] },
  { id: 'ftp-server', label: 'FTP / FTPS server', location: 'customer-landscape', protocols: ['ftp'], adapters: ['ftp'], asSender: [{ id: 'peer-ftp-user', title: 'FTP user and directory', detail: 'A user CI polls with, and the directory it reads.' }, { id: 'peer-ftp-passive', title: 'Passive ports and TLS', detail: 'Open the control port (21, or 990 for implicit FTPS) and the passive port range in the firewall; for FTPS install a server certificate whose root CI trusts.' }], asReceiver: [{ id: 'peer-ftp-user', title: 'FTP user and directory', detail: 'A user CI writes with, and the target directory (write permission).' }, { id: 'peer-ftp-passive', title: 'Passive ports and TLS', detail: 'Open the control port (21, or 990 for implicit FTPS) and the passive port range in the firewall; for FTPS install a server certificate whose root CI trusts.' }], accessRights: ['FTP server administrator (users, passive port range, certificate)', 'Firewall administrator'] },
  { id: 'amqp-broker', label: 'AMQP 1.0 broker', location: 'cloud', protocols: ['amqp'], adapters: ['amqp'], asSender: [{ id: 'peer-amqp-queue', title: 'Queue or topic CI consumes', detail: 'Create the queue (or topic subscription) and a user allowed to consume from it.' }], asReceiver: [{ id: 'peer-amqp-queue', title: 'Queue or topic CI sends to', detail: 'Create the queue or topic and a user allowed to send to it.' }], accessRights: ['Broker administrator (queues, topics, users)'] },
  { id: 'other-system', label: 'Other system', location: 'customer-landscape', protocols: ['https', 'sftp', 'smtp', 'ftp', 'imap', 'pop3', 'amqp', 'other'], adapters: ['http', 'soap', 'idoc', 'odata', 'sftp', 'mail', 'ftp', 'amqp', 'other'], asSender: genericSender, asReceiver: genericReceiver, accessRights: ['Administrator of the system'] },
  { id: 'generic-https', label: 'Generic HTTPS system', location: 'cloud', protocols: ['https'], adapters: ['http', 'soap', 'odata'], asSender: genericSender, asReceiver: genericReceiver, accessRights: ['Administrator of the system'] },
];

export function findSystemKind(id: string): SystemKind | undefined {
  return SYSTEM_KINDS.find((k) => k.id === id);
}
