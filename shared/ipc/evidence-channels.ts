/**
 * Evidence report, expiry radar and handover pack. Every file is written at a path the user chose
 * in the save dialog of this session; the report's twins (JSON, SHA-256, PDF, signature) go beside it.
 */
import * as z from 'zod';
import { channel } from './define';
import type { ExpiryRadar, PackFileInfo, PackWritten, ReportWritten } from '../evidence/evidence-responses';

const landscapeId = z.string().min(1).max(200);
const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path');

export const evidenceChannels = {
  'evidence:save-report': channel<ReportWritten>()(
    'saveEvidenceReport',
    z.object({
      landscapeId,
      path: absolutePath,
      by: z.string().max(200).optional(),
      note: z.string().max(4000).optional(),
      pdf: z.boolean().optional(),
      /** A vault client certificate (id) to sign the report with (detached CMS, .p7s beside it). */
      signWith: z.string().min(1).max(100).optional(),
    }),
  ),
  'evidence:expiry': channel<ExpiryRadar>()('getExpiryRadar', z.object({ landscapeId })),
  'evidence:save-ics': channel<{ path: string; events: number }>()('saveExpiryCalendar', z.object({ landscapeId, path: absolutePath })),
  'evidence:pack-files': channel<PackFileInfo[]>()('listHandoverPackFiles', z.object({ landscapeId })),
  'evidence:save-pack': channel<PackWritten>()(
    'saveHandoverPack',
    z.object({ landscapeId, path: absolutePath, include: z.array(z.string().min(1).max(300)).max(200) }),
  ),
} as const;
