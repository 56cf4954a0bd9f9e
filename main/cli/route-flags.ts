/**
 * `--proxy direct|system|env` and `--pac URL|FILE`: this run's route, over the landscape's setting
 * (a pathway's manual proxy still wins). Outside the app `system` reads HTTPS_PROXY / NO_PROXY,
 * as there is no operating-system resolver in plain Node.
 */
import { resolve } from 'node:path';
import type { LaptopRoute } from '../../shared/landscape';
import { UsageError, stringFlag, type ParsedArgs } from './command';

export const ROUTE_FLAGS = ['proxy', 'pac'] as const;
export const ROUTE_USAGE = '[--proxy direct|system|env | --pac URL|FILE]';

export function routeChoice(args: ParsedArgs): LaptopRoute | undefined {
  const proxy = stringFlag(args, 'proxy');
  const pac = stringFlag(args, 'pac');
  if (proxy !== undefined && pac !== undefined) throw new UsageError('give either --proxy or --pac, not both');
  if (pac !== undefined) {
    if (!pac.trim()) throw new UsageError('--pac takes a URL or a file');
    return { mode: 'pac', pacUrl: /^(https?|file):\/\//i.test(pac) ? pac : resolve(pac) };
  }
  if (proxy === undefined) return undefined;
  if (proxy === 'direct' || proxy === 'system' || proxy === 'env') return { mode: proxy };
  throw new UsageError('--proxy is one of direct, system, env');
}
