/**
 * The one place a request from the renderer (or the test bridge) meets a handler: the channel must be
 * known, the input must pass the channel's zod schema and carry no field the schema does not name
 * (zod would strip it silently), and whatever happens the caller gets a Result.
 * Nothing is ever thrown across the boundary.
 */
import type * as z from 'zod';
import { contract, type Channel, type HandlerContext, type Handlers } from '../../shared/ipc/contract';
import { err, isAppError, ok, type Result } from '../../shared/result';
import type { Logger } from '../services/logger';
import { firstUnknownField, showField } from './unknown-fields';

export type Dispatch = (channel: string, request: unknown, ctx: HandlerContext) => Promise<Result<unknown>>;

export function formatZodIssue(issue: z.core.$ZodIssue): { field: string; message: string } {
  const field = issue.path.length ? issue.path.map(String).join('.') : '(request)';
  return { field, message: `${field}: ${issue.message}` };
}

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

export function createDispatcher(handlers: Partial<Handlers>, log: Logger): Dispatch {
  return async (channel, request, ctx) => {
    if (!isChannel(channel)) return err('UNKNOWN_CHANNEL', `Unknown channel "${channel}".`);
    const handler = handlers[channel] as ((req: unknown, ctx: HandlerContext) => unknown) | undefined;
    if (!handler) return err('NOT_IMPLEMENTED', `"${channel}" is not available in this build.`);
    const parsed = safeParse(contract[channel].request as z.ZodType, request);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const issue = first ? formatZodIssue(first) : { field: '(request)', message: 'Invalid request.' };
      return err('INVALID_INPUT', issue.message, issue.field);
    }
    const unknown = firstUnknownField(request, parsed.data);
    if (unknown) {
      const field = showField(unknown);
      return err('INVALID_INPUT', `${field}: not a field of this request`, field);
    }
    try {
      return ok(await handler(parsed.data, ctx));
    } catch (e) {
      if (isAppError(e)) return err(e.code, e.message, e.field);
      // Unknown errors may carry anything (even a secret from a library's message): log the
      // class and stack frame only, and tell the renderer something safe.
      log.error('ipc', `unexpected error in ${channel}`, { error: describeError(e) });
      return err('INTERNAL', `Something went wrong in "${channel}". The details are in the log.`);
    }
  };
}

/** safeParse, and a request that makes the parser itself throw (stack depth, a hostile getter) is invalid too. */
function safeParse(schema: z.ZodType, request: unknown): ReturnType<z.ZodType['safeParse']> | { success: false; error: { issues: [] } } {
  try {
    return schema.safeParse(request);
  } catch {
    return { success: false, error: { issues: [] } };
  }
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.stack?.split('\n')[1]?.trim() ?? ''}`;
  return typeof e;
}
