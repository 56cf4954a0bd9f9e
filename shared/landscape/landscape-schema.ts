/**
 * The landscape model as zod schemas; the TypeScript types are inferred from them, so the store,
 * IPC, CLI and renderer cannot disagree. Only secret-free data: credentials are referenced by id.
 */
import * as z from 'zod';
import { adapterSchema, authMethodSchema, protocolSchema, stageSchema, systemKindIdSchema } from './vocabulary-schemas';
import { pathwayPgpSchema } from '../pgp/pathway-pgp-schema';

const id = z.string().min(1).max(80);
const text = (max: number) => z.string().max(max);
const isoDate = z.string().min(1).max(40);

export const internetProxySchema = z.object({ type: z.literal('internet') });
export const onPremiseProxySchema = z.object({
  type: z.literal('on-premise'),
  locationId: text(100).default(''),
  virtualHost: text(253).default(''),
});
export const manualProxySchema = z.object({
  type: z.literal('manual'),
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  /** A Basic credential in the vault for the proxy's own authentication (CONNECT with Proxy-Authorization). */
  credentialId: z.string().min(1).max(100).optional(),
});
export const proxySchema = z.discriminatedUnion('type', [internetProxySchema, onPremiseProxySchema, manualProxySchema]);
export type Proxy = z.infer<typeof proxySchema>;

/**
 * How THIS LAPTOP reaches the peers when probing (not how CI does: that is the pathway's proxy type).
 * `system`: the operating system's decision (settings, PAC, WPAD) in the app; the environment
 * (HTTPS_PROXY / NO_PROXY) in the CLI. Absent means `system`. A machine setting: never in landscape files.
 */
const proxyCredentialId = z.string().min(1).max(100).optional();
export const laptopRouteSchema = z.discriminatedUnion('mode', [
  /** `credentialId` everywhere: a Basic credential in the vault for whichever proxy is chosen (Proxy-Authorization). */
  z.object({ mode: z.literal('system'), credentialId: proxyCredentialId }),
  z.object({ mode: z.literal('direct') }),
  z.object({ mode: z.literal('env') }),
  z.object({ mode: z.literal('pac'), pacUrl: z.string().trim().min(1).max(2048), credentialId: proxyCredentialId }),
  z.object({ mode: z.literal('manual'), host: z.string().trim().min(1).max(253), port: z.number().int().min(1).max(65535), credentialId: proxyCredentialId }),
]);
export type LaptopRoute = z.infer<typeof laptopRouteSchema>;

export const smtpOptionsSchema = z.object({
  protection: z.enum(['off', 'starttls-mandatory', 'starttls-optional', 'smtps']).default('starttls-mandatory'),
  from: text(320).optional(),
  to: text(320).optional(),
});
export type SmtpOptions = z.infer<typeof smtpOptionsSchema>;

/** FTP adapter: Protection (Explicit FTPS = AUTH TLS, Implicit FTPS, Plain), the directory and the opt-in write check. */
export const ftpOptionsSchema = z.object({
  protection: z.enum(['explicit', 'implicit', 'off']).default('explicit'),
  directory: text(1024).optional(),
  writeCheck: z.boolean().optional(),
});
export type FtpOptions = z.infer<typeof ftpOptionsSchema>;

/** Mail sender adapter over IMAP / POP3: Protection (STARTTLS, SSL/TLS, Off) and the folder it polls. */
export const mailboxOptionsSchema = z.object({
  protection: z.enum(['starttls', 'tls', 'off']).default('tls'),
  folder: text(200).optional(),
});
export type MailboxOptions = z.infer<typeof mailboxOptionsSchema>;

/** AMQP adapter: transport (TCP or WebSocket), TLS, the queue or topic address, the WebSocket path. */
export const amqpOptionsSchema = z.object({
  transport: z.enum(['tcp', 'websocket']).default('tcp'),
  tls: z.boolean().default(true),
  address: text(500).optional(),
  path: text(500).optional(),
});
export type AmqpOptions = z.infer<typeof amqpOptionsSchema>;

/** One adapter of an iFlow that makes this connection (imported pathways; several iFlows may share one). */
export const iflowSourceSchema = z.object({
  /** The iFlow's id (Bundle-SymbolicName) and display name. */
  iflowId: z.string().min(1).max(200),
  iflow: text(200),
  /** The adapter's message flow id inside the iFlow, its name, and its type as the iFlow writes it (SOAP, RFC, …). */
  flowId: z.string().min(1).max(200),
  adapter: text(200),
  type: text(60),
});
export type IflowSource = z.infer<typeof iflowSourceSchema>;

export const pathwaySchema = z.object({
  id,
  /** 1..n, stable: the number the consultant and the handover refer to. */
  number: z.number().int().min(1).max(999),
  from: id,
  to: id,
  protocol: protocolSchema,
  adapter: adapterSchema,
  endpoint: text(2048).default(''),
  proxy: proxySchema.default({ type: 'internet' }),
  auth: authMethodSchema,
  /** The vault entry (by id) that holds this pathway's credential; never the secret itself. */
  credentialId: id.optional(),
  /** CI "User Credentials" artifact name (outbound Basic / SFTP password / Mail). */
  credentialName: text(150).optional(),
  /** CI keystore alias (outbound client certificate, SFTP public key). */
  keystoreAlias: text(250).optional(),
  /** SFTP: the directory CI writes to (under the user's home) and whether a probe may write a test file there. */
  sftp: z.object({ directory: text(1024).optional(), user: text(150).optional(), writeCheck: z.boolean().optional() }).optional(),
  smtp: smtpOptionsSchema.optional(),
  ftp: ftpOptionsSchema.optional(),
  mailbox: mailboxOptionsSchema.optional(),
  amqp: amqpOptionsSchema.optional(),
  /** Message-level security: CI's PGP steps on this pathway (keys by fingerprint). */
  pgp: pathwayPgpSchema.optional(),
  probe: z.object({ deadlineMs: z.number().int().min(100).max(600_000).optional() }).optional(),
  /** Ticked "maintained at" step ids (the diagram's checklist). */
  checklistDone: z.array(text(80)).max(100).default([]),
  notes: text(4000).optional(),
  sources: z.array(iflowSourceSchema).max(200).optional(),
  updatedAt: isoDate,
});
export type Pathway = z.infer<typeof pathwaySchema>;

export const systemSchema = z.object({
  id,
  name: z.string().trim().min(1).max(120),
  kind: systemKindIdSchema,
  host: text(253).optional(),
  notes: text(4000).optional(),
});
export type System = z.infer<typeof systemSchema>;

export const tenantSchema = z.object({
  name: text(120).default('Cloud Integration'),
  /** Runtime (iFlow) host, e.g. `<sub>.it-cpi001-rt.cfapps.eu10.hana.ondemand.com`. */
  runtimeHost: text(253).default(''),
  apiHost: text(253).default(''),
  tokenUrl: text(2048).default(''),
  region: text(40).default(''),
  subaccount: text(120).default(''),
});
export type Tenant = z.infer<typeof tenantSchema>;

const fingerprint = z.string().max(200);
/** Public material only: a private key belongs in the vault (keychain), never in a landscape. */
const publicPem = z
  .string()
  .max(20000)
  .refine((pem) => !/PRIVATE KEY/.test(pem), 'a private key never goes into a landscape: keep it in the vault');

export const caCertificateSchema = z.object({ label: z.string().min(1).max(200), pem: publicPem, fingerprintSha256: fingerprint });
export type CaCertificate = z.infer<typeof caCertificateSchema>;

/** The MODELLED Cloud Integration keystore: what the consultant says the tenant holds. */
export const ciKeystoreEntrySchema = z.object({
  alias: z.string().min(1).max(250),
  kind: z.enum(['certificate', 'key-pair']),
  pem: publicPem.optional(),
  fingerprintSha256: fingerprint.optional(),
  credentialId: id.optional(),
});
export type CiKeystoreEntry = z.infer<typeof ciKeystoreEntrySchema>;

/** An SFTP host key accepted on first use, and by whom and how it was confirmed. */
export const hostKeyTrustSchema = z.object({
  host: z.string().min(1).max(253),
  port: z.number().int().min(1).max(65535),
  keyType: z.string().min(1).max(60),
  fingerprint: z.string().min(1).max(200),
  confirmedBy: text(200),
  confirmedHow: text(500),
  confirmedAt: isoDate,
});
export type HostKeyTrust = z.infer<typeof hostKeyTrustSchema>;

export const landscapeSchema = z.object({
  id,
  name: z.string().trim().min(1).max(120),
  customer: text(200).default(''),
  stage: stageSchema.default('development'),
  tenant: tenantSchema.default(() => tenantSchema.parse({})),
  systems: z.array(systemSchema).max(200).default([]),
  pathways: z.array(pathwaySchema).max(500).default([]),
  caCertificates: z.array(caCertificateSchema).max(200).default([]),
  ciKeystore: z.array(ciKeystoreEntrySchema).max(500).default([]),
  knownHosts: z.array(z.string().max(20000)).max(500).default([]),
  hostKeyTrust: z.array(hostKeyTrustSchema).max(500).default([]),
  /** This laptop's route to the peers for probes (see laptopRouteSchema); absent = system. */
  network: laptopRouteSchema.optional(),
  templateId: text(60).optional(),
  createdAt: isoDate,
  updatedAt: isoDate,
});
export type Landscape = z.infer<typeof landscapeSchema>;
export type LandscapeInput = z.input<typeof landscapeSchema>;
export type PathwayInput = z.input<typeof pathwaySchema>;
export type SystemInput = z.input<typeof systemSchema>;

/** What the list shows: enough to pick one, nothing heavy. */
export interface LandscapeSummary {
  id: string;
  name: string;
  customer: string;
  stage: Landscape['stage'];
  systems: number;
  pathways: number;
  updatedAt: string;
}

export function summarizeLandscape(l: Landscape): LandscapeSummary {
  return {
    id: l.id,
    name: l.name,
    customer: l.customer,
    stage: l.stage,
    systems: l.systems.length,
    pathways: l.pathways.length,
    updatedAt: l.updatedAt,
  };
}
