/**
 * The gate every mutation passes: the schema first (the message names the field), then the rules a
 * save refuses (a pathway without a tenant end, a method its protocol cannot carry, …).
 */
import type * as z from 'zod';
import { landscapeSchema, type Landscape } from '../../../shared/landscape/landscape-schema';
import { blockingFindings } from '../../../shared/landscape/rules';
import { AppError } from '../../../shared/result';
import { formatPath } from './landscape-document';

const FIELD_OF_CODE: Record<string, string> = {
  UNKNOWN_SYSTEM: 'from',
  DIRECTION_TENANT_TO_TENANT: 'to',
  DIRECTION_NO_TENANT: 'to',
  ADAPTER_NOT_VALID: 'adapter',
  AUTH_NOT_VALID: 'auth',
  PATHWAY_NUMBER_DUPLICATE: 'number',
  KEYSTORE_ALIAS_INVALID: 'keystoreAlias',
};

/** Parses with `schema` or throws INVALID_INPUT naming the first offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const path = [prefix, issue ? formatPath(issue.path) : ''].filter(Boolean).join('.');
  throw new AppError('INVALID_INPUT', `${path || 'input'}: ${issue?.message ?? 'invalid'}`, path || undefined);
}

export function validateLandscape(candidate: unknown): Landscape {
  const landscape = parseOrThrow(landscapeSchema, candidate);
  const blocking = blockingFindings(landscape);
  const first = blocking[0];
  if (first) {
    const index = landscape.pathways.findIndex((p) => p.number === first.pathwayNumber);
    const field = index >= 0 ? `pathways[${index}].${FIELD_OF_CODE[first.code] ?? ''}` : undefined;
    throw new AppError('INVALID_INPUT', `${first.message} ${first.fix}`, field?.replace(/\.$/, ''));
  }
  return landscape;
}
