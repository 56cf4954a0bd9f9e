/**
 * Integration flow import: one channel for the preview (dryRun) and the import itself, so both are
 * the same computation. Paths must be absolute and come from the file dialog of this session.
 */
import * as z from 'zod';
import type { IflowImportResult } from '../iflow/import-result';
import { channel } from './define';

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path');

export const iflowChannels = {
  'iflow:import': channel<IflowImportResult>()(
    'importIflows',
    z
      .object({
        paths: z.array(absolutePath).min(1).max(50),
        /** Exactly one of: an existing landscape, or the name of a new one. */
        landscapeId: z.string().min(1).max(100).optional(),
        newName: z.string().trim().min(1).max(120).optional(),
        dryRun: z.boolean(),
      })
      .strict(),
  ),
} as const;
