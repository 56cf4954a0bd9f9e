/**
 * The security-material channels. Responses are public data (metadata, certificates, CSRs, public
 * keys, findings); private keys and passwords stay in main. Files are read and written only at paths
 * the user chose in the file dialog (main checks it).
 */
import * as z from 'zod';
import { channel } from './define';
import type { CredentialMeta } from '../vault/credential-kinds';
import type { HostKeyCheck } from '../ssh/known-hosts-check';
import type { KnownHostsEntry } from '../ssh/known-hosts';
import type {
  CsrResult,
  FileExportResult,
  LintReport,
  MaterialSummary,
  P12ExportResult,
  PairingResult,
  Pkcs12ImportResult,
} from '../certs/material-responses';

const ref = z.string().trim().min(1).max(200);
const label = z.string().trim().min(1).max(200);
const path = z.string().min(1).max(4096);
const landscape = z.string().trim().min(1).max(200);
const pemText = z.string().min(1).max(200_000);
const host = z.string().trim().min(1).max(253);
const port = z.number().int().min(1).max(65535);
const keyType = z.string().trim().min(1).max(60);
const keyBase64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(20_000);

export const subjectSchema = z.object({
  cn: z.string().trim().min(1, 'CN is required').max(64),
  o: z.string().trim().max(64).optional(),
  ou: z.string().trim().max(64).optional(),
  l: z.string().trim().max(128).optional(),
  st: z.string().trim().max(128).optional(),
  c: z.union([z.string().regex(/^[A-Z]{2}$/, 'two capital letters, e.g. DE'), z.literal('')]).optional(),
  e: z.string().trim().max(128).optional(),
});

export const materialChannels = {
  'material:list': channel<MaterialSummary>()('listMaterial', z.undefined()),
  'material:create-key': channel<CredentialMeta>()('createKeyPair', z.object({ type: z.enum(['rsa-2048', 'rsa-3072', 'rsa-4096', 'ec-p256']), label })),
  'material:create-csr': channel<CsrResult>()(
    'createCsr',
    z.object({ key: ref, subject: subjectSchema, sans: z.array(z.string().trim().min(1).max(253)).max(50).optional(), serverAuth: z.boolean().optional() }),
  ),
  'material:pair-certificate': channel<PairingResult>()('pairCertificate', z.object({ text: pemText, key: ref.optional(), landscape: landscape.optional() })),
  'material:import-certificate-file': channel<PairingResult>()(
    'importCertificateFile',
    z.object({ path, key: ref.optional(), label: label.optional(), passphrase: z.string().min(1).max(1024).optional(), landscape: landscape.optional() }),
  ),
  'material:import-pkcs12': channel<Pkcs12ImportResult>()('importPkcs12File', z.object({ path, password: z.string().max(1024), label, landscape: landscape.optional() })),
  'material:export-pkcs12': channel<P12ExportResult>()(
    'exportPkcs12',
    z.object({ key: ref, alias: z.string().trim().min(1).max(250), path, legacy: z.boolean().optional(), passwordCredential: ref.optional() }),
  ),
  'material:export-leaf': channel<FileExportResult>()('exportLeafPem', z.object({ ref, path })),
  'material:export-ca': channel<FileExportResult>()('exportCaCertificate', z.object({ pem: pemText, format: z.enum(['pem', 'der']), path })),
  'material:create-test-ca': channel<CredentialMeta>()('createTestCa', z.object({ label, cn: z.string().trim().min(1).max(64).optional() })),
  'material:sign-with-test-ca': channel<{ certificatePem: string; caCertificatePem: string }>()(
    'signWithTestCa',
    z.object({ ca: ref, csrPem: pemText, days: z.number().int().min(1).max(3650).optional() }),
  ),
  'material:lint': channel<LintReport>()('lintCertificateText', z.object({ text: pemText, role: z.enum(['client', 'server', 'ca', 'any']).optional() })),
  'material:lint-landscape': channel<LintReport>()('lintLandscapeCertificates', z.object({ landscape })),
  'material:create-ssh-key': channel<CredentialMeta>()(
    'createSshKey',
    z.object({ type: z.enum(['ed25519', 'rsa-4096']), label, passphrase: z.string().min(1).max(1024).optional() }),
  ),
  'material:ssh-public': channel<{ line: string; fingerprint: string; label: string }>()(
    'sshPublicLine',
    z.object({ ref, landscape: landscape.optional(), pathway: z.string().trim().max(200).optional() }),
  ),
  'material:export-ssh-key': channel<{ path: string; format: string }>()('exportSshKey', z.object({ ref, format: z.enum(['openssh', 'pkcs1']), path })),
  'material:known-hosts-list': channel<{ lines: string[]; entries: (KnownHostsEntry & { fingerprint: string })[]; errors: { line: number; reason: string }[] }>()(
    'listKnownHosts',
    z.object({ landscape }),
  ),
  'material:known-hosts-add': channel<{ line: string; added: boolean }>()(
    'addKnownHost',
    z.object({ landscape, line: z.string().max(20_000).optional(), host: host.optional(), port: port.optional(), keyType: keyType.optional(), keyBase64: keyBase64.optional(), hashed: z.boolean().optional() }),
  ),
  'material:known-hosts-check': channel<HostKeyCheck & { fingerprint: string }>()(
    'checkKnownHost',
    z.object({ landscape, host, port: port.optional(), keyType, keyBase64 }),
  ),
  'material:known-hosts-export': channel<{ path: string; lines: number }>()('exportKnownHosts', z.object({ landscape, path })),
} as const;
