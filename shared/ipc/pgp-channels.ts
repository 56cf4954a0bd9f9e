/**
 * The PGP channels: keys with their findings, create (the passphrase is generated in main and kept
 * in the keychain), import and export at paths the user chose in the file dialog, and a pathway's
 * PGP settings. Responses are public data; the one secret going in is the export passphrase.
 */
import * as z from 'zod';
import { channel } from './define';
import { PGP_KEY_TYPES, type PgpExportResult, type PgpImportResult, type PgpKeyReport, type PgpKeySummary } from '../pgp/pgp-types';

const label = z.string().trim().min(1).max(200);
const path = z.string().min(1).max(4096);
const labels = z.array(label).min(1).max(500);

export interface PgpListResponse {
  keys: PgpKeyReport[];
}

export interface PgpAttachResponse {
  landscape: string;
  pathway: number;
}

export const pgpChannels = {
  'pgp:list': channel<PgpListResponse>()('listPgpKeys', z.undefined()),
  'pgp:create': channel<PgpKeySummary>()(
    'createPgpKey',
    z.object({ label, userId: z.string().trim().min(1).max(300), type: z.enum(PGP_KEY_TYPES).optional(), expiresDays: z.number().int().min(1).max(3650).optional() }),
  ),
  'pgp:import': channel<PgpImportResult>()('importPgpKeys', z.object({ path, label, passphrase: z.string().min(1).max(1024).optional() })),
  'pgp:export-public': channel<PgpExportResult>()('exportPgpPublic', z.object({ labels, path, binary: z.boolean().optional() })),
  'pgp:export-secret': channel<PgpExportResult>()('exportPgpSecret', z.object({ labels, path, passphrase: z.string().min(8).max(1024), binary: z.boolean().optional() })),
  'pgp:attach': channel<PgpAttachResponse>()(
    'attachPgp',
    z.object({
      landscape: label,
      pathway: z.number().int().min(1).max(999),
      own: label.optional(),
      partner: label.optional(),
      ownUserId: z.string().max(300).optional(),
      partnerUserId: z.string().max(300).optional(),
      encrypt: z.boolean().optional(),
      sign: z.boolean().optional(),
    }),
  ),
  'pgp:detach': channel<PgpAttachResponse>()('detachPgp', z.object({ landscape: label, pathway: z.number().int().min(1).max(999) })),
} as const;
