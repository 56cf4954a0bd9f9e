/**
 * JSON Schemas (draft 2020-12) generated from the zod schemas, for tools outside the app: editors
 * validating a `*.landscape.json` in a git repository, or a reviewer reading the format.
 */
import * as z from 'zod';
import { landscapeFileSchema } from '../../../shared/landscape/landscape-file';
import { landscapesDocumentSchema } from './landscape-document';

export function landscapeJsonSchemas(): Record<'landscape-file' | 'landscapes-document', Record<string, unknown>> {
  return {
    'landscape-file': { title: 'Landscape Setup: *.landscape.json', ...z.toJSONSchema(landscapeFileSchema(), { io: 'input' }) },
    'landscapes-document': { title: 'Landscape Setup: landscapes.json (data directory)', ...z.toJSONSchema(landscapesDocumentSchema, { io: 'output' }) },
  };
}
