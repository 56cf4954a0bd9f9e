/**
 * The zod schemas of the closed vocabularies, over the plain lists in vocabulary.ts and
 * system-kinds.ts. Kept apart so that code which only needs the lists and labels (the renderer's
 * first screen) does not load zod.
 */
import * as z from 'zod';
import { SYSTEM_KIND_IDS } from './system-kinds';
import { ADAPTERS, AUTH_METHODS, PROTOCOLS, STAGES } from './vocabulary';

export const stageSchema = z.enum(STAGES);
export const protocolSchema = z.enum(PROTOCOLS);
export const adapterSchema = z.enum(ADAPTERS);
export const authMethodSchema = z.enum(AUTH_METHODS);
export const systemKindIdSchema = z.enum(SYSTEM_KIND_IDS);
