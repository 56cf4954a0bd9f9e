/**
 * Landscape templates (data). `s4-sscv2` is exactly seed 002's four pathways:
 * 1 S/4HANA → CI (Basic), 2 CI → SSCv2 (client certificate), 3 SSCv2 → CI (client certificate),
 * 4 CI → S/4HANA (Basic).
 */
import { landscapeSchema, type Landscape, type PathwayInput } from './landscape-schema';
import type { SystemKindId } from './system-kinds';
import { TENANT_ID } from './vocabulary';

export const TEMPLATE_IDS = ['s4-sscv2', 'sftp-receiver', 'mail-receiver', 'ftp-receiver', 'mailbox-sender', 'amqp-receiver', 'successfactors-receiver', 'blank'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

type TemplatePathway = Omit<PathwayInput, 'id' | 'number' | 'updatedAt'>;

export interface LandscapeTemplate {
  id: TemplateId;
  label: string;
  description: string;
  /** Systems by a template-local key; pathways refer to the key or to TENANT_ID. */
  systems: { key: string; name: string; kind: SystemKindId }[];
  pathways: TemplatePathway[];
}

export const TEMPLATES: readonly LandscapeTemplate[] = [
  {
    id: 's4-sscv2',
    label: 'S/4HANA ↔ Cloud Integration ↔ Sales and Service Cloud V2',
    description: 'The four pathways of the SSCv2 ↔ S/4HANA integration: Basic towards S/4HANA, client certificates towards SSCv2.',
    systems: [
      { key: 's4', name: 'SAP S/4HANA', kind: 's4hana-on-premise' },
      { key: 'sscv2', name: 'SAP Sales and Service Cloud V2', kind: 'sscv2' },
    ],
    pathways: [
      { from: 's4', to: TENANT_ID, protocol: 'https', adapter: 'soap', auth: 'basic' },
      { from: TENANT_ID, to: 'sscv2', protocol: 'https', adapter: 'soap', auth: 'client-certificate' },
      { from: 'sscv2', to: TENANT_ID, protocol: 'https', adapter: 'soap', auth: 'client-certificate' },
      { from: TENANT_ID, to: 's4', protocol: 'https', adapter: 'soap', auth: 'basic', proxy: { type: 'on-premise', locationId: '', virtualHost: '' } },
    ],
  },
  {
    id: 'sftp-receiver',
    label: 'SFTP receiver',
    description: 'Cloud Integration writes files to an SFTP server with public key authentication.',
    systems: [{ key: 'sftp', name: 'SFTP server', kind: 'sftp-server' }],
    pathways: [{ from: TENANT_ID, to: 'sftp', protocol: 'sftp', adapter: 'sftp', auth: 'public-key', sftp: { directory: '/' } }],
  },
  {
    id: 'mail-receiver',
    label: 'Mail receiver',
    description: 'Cloud Integration sends mail over SMTP with STARTTLS and a user/password.',
    systems: [{ key: 'mail', name: 'Mail server', kind: 'mail-server' }],
    pathways: [{ from: TENANT_ID, to: 'mail', protocol: 'smtp', adapter: 'mail', auth: 'plain', smtp: { protection: 'starttls-mandatory' } }],
  },
  {
    id: 'ftp-receiver',
    label: 'FTP / FTPS receiver',
    description: 'Cloud Integration writes files to an FTP server over explicit FTPS (AUTH TLS) with a user/password.',
    systems: [{ key: 'ftp', name: 'FTP server', kind: 'ftp-server' }],
    pathways: [{ from: TENANT_ID, to: 'ftp', protocol: 'ftp', adapter: 'ftp', auth: 'password', ftp: { protection: 'explicit', directory: '/' } }],
  },
  {
    id: 'mailbox-sender',
    label: 'Mailbox sender (IMAP / POP3)',
    description: 'Cloud Integration polls a mailbox over IMAP with TLS (switch the protocol to POP3 if the server offers only that).',
    systems: [{ key: 'mail', name: 'Mail server', kind: 'mail-server' }],
    pathways: [{ from: 'mail', to: TENANT_ID, protocol: 'imap', adapter: 'mail', auth: 'plain', mailbox: { protection: 'tls', folder: 'INBOX' } }],
  },
  {
    id: 'amqp-receiver',
    label: 'AMQP receiver',
    description: 'Cloud Integration sends messages to a queue of an AMQP 1.0 broker over TLS with SASL PLAIN.',
    systems: [{ key: 'broker', name: 'AMQP broker', kind: 'amqp-broker' }],
    pathways: [{ from: TENANT_ID, to: 'broker', protocol: 'amqp', adapter: 'amqp', auth: 'plain', amqp: { transport: 'tcp', tls: true } }],
  },
  {
    id: 'successfactors-receiver',
    label: 'SuccessFactors receiver',
    description: 'Cloud Integration calls the SuccessFactors OData API with an API user.',
    systems: [{ key: 'sf', name: 'SAP SuccessFactors', kind: 'successfactors' }],
    pathways: [{ from: TENANT_ID, to: 'sf', protocol: 'https', adapter: 'odata', auth: 'basic' }],
  },
  { id: 'blank', label: 'Blank', description: 'Only the Cloud Integration tenant.', systems: [], pathways: [] },
];

export function findTemplate(id: string): LandscapeTemplate | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

export interface TemplateSummary {
  id: TemplateId;
  label: string;
  description: string;
  systems: number;
  pathways: number;
}

export function listTemplates(): TemplateSummary[] {
  return TEMPLATES.map((t) => ({ id: t.id, label: t.label, description: t.description, systems: t.systems.length, pathways: t.pathways.length }));
}

export interface InstantiateOptions {
  id: string;
  name: string;
  now: string;
  /** Fresh ids for systems and pathways (the caller owns randomness; shared/ stays pure). */
  newId: () => string;
}

/** Builds a landscape from a template; throws if the template is unknown. */
export function instantiateTemplate(template: LandscapeTemplate, o: InstantiateOptions): Landscape {
  const ids = new Map<string, string>(template.systems.map((s) => [s.key, o.newId()]));
  const ref = (key: string) => (key === TENANT_ID ? TENANT_ID : (ids.get(key) as string));
  return landscapeSchema.parse({
    id: o.id,
    name: o.name,
    templateId: template.id,
    systems: template.systems.map((s) => ({ id: ids.get(s.key), name: s.name, kind: s.kind })),
    pathways: template.pathways.map((p, i) => ({ ...p, id: o.newId(), number: i + 1, from: ref(p.from), to: ref(p.to), updatedAt: o.now })),
    createdAt: o.now,
    updatedAt: o.now,
  });
}
