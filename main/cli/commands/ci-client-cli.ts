/**
 * What the `ftp`, `imap`, `pop3` and `amqp` commands share: the target, `--ca FILE` as the CI
 * keystore's trusted certificates (CI trusts nothing else; without it, the public roots CI's
 * keystore ships with, approximated by this machine's), `--user` with `--password-env VAR`,
 * `--deadline`, the route flags, one engine run and the printed or `--json` result.
 */
import { readFileSync } from 'node:fs';
import { UsageError, output, readSecretFlag, stringFlag, type CliContext, type ParsedArgs } from '../command';
import { parseTarget } from '../../../shared/probe/probe-target';
import type { ProbeResult } from '../../../shared/probe/probe-types';
import { createProbeEngine } from '../../services/probes/engine';
import type { ProbeRunner } from '../../services/probes/engine-types';
import type { Route } from '../../services/probes/net/route';
import { routeStep } from '../../services/probes/net/route-step';
import { osTrust } from '../../services/probes/probe-material';
import type { TrustSets } from '../../services/probes/tls/assess-chain';
import { parsePemBundle } from '../../services/probes/tls/certificates';
import { ROUTE_FLAGS, ROUTE_USAGE, routeChoice } from '../route-flags';
import { exitCodeFor, formatResult } from './probe-format';

export const COMMON_FLAGS = ['user', 'password-env', 'ca', 'deadline', ...ROUTE_FLAGS];
export const COMMON_USAGE = `[--deadline MS] ${ROUTE_USAGE} [--json]`;

export function oneOf<T extends string>(args: ParsedArgs, flag: string, values: readonly T[], fallback?: T): T {
  const v = stringFlag(args, flag) ?? fallback;
  if (!v || !values.includes(v as T)) throw new UsageError(`--${flag} is one of ${values.join(', ')}`);
  return v as T;
}

export function ciTrust(args: ParsedArgs): TrustSets {
  const file = stringFlag(args, 'ca');
  if (!file) return { local: osTrust(), localRole: 'info', ciKeystore: osTrust() };
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--ca: cannot read ${file}`);
  }
  const certs = parsePemBundle(pem);
  if (!certs.length) throw new UsageError(`--ca: ${file} holds no PEM certificate`);
  return { local: [...osTrust(), ...certs], localRole: 'info', ciKeystore: certs };
}

export async function userPassword(args: ParsedArgs, ctx: CliContext, required: boolean): Promise<{ user?: string; password?: string }> {
  const user = stringFlag(args, 'user');
  const password = await readSecretFlag(args, ctx, 'password-env');
  if ((required || user !== undefined || password !== undefined) && (!user || password === undefined)) {
    throw new UsageError('--user U needs --password-env VAR (or - for stdin), and the other way round');
  }
  return { ...(user ? { user } : {}), ...(password !== undefined ? { password } : {}) };
}

export function targetOf(args: ParsedArgs, defaultPort: number): { host: string; port: number } {
  const target = args.positionals[0];
  if (!target || args.positionals.length > 1) throw new UsageError('give exactly one HOST:PORT');
  const parsed = parseTarget(target, defaultPort);
  if ('error' in parsed) throw new UsageError(parsed.error);
  return { host: parsed.host, port: parsed.port };
}

export async function runCiClientProbe(
  args: ParsedArgs,
  ctx: CliContext,
  o: { kind: ProbeResult['kind']; at: { host: string; port: number }; title: string; runner: (route: Route) => ProbeRunner },
): Promise<number> {
  const deadline = stringFlag(args, 'deadline');
  const deadlineMs = deadline === undefined ? undefined : Number(deadline);
  if (deadlineMs !== undefined && (!Number.isInteger(deadlineMs) || deadlineMs < 100)) throw new UsageError('--deadline takes milliseconds (≥ 100)');
  const override = routeChoice(args);
  const choice = override ?? { mode: 'system' as const };
  const runner: ProbeRunner = async (pctx) => {
    const route = await routeStep(pctx, () => ctx.services.routes.resolve(o.at, choice, override ? 'command line' : 'landscape'));
    await o.runner(route)(pctx);
  };
  const engine = createProbeEngine({ redactor: ctx.services.redactor, log: ctx.services.log, now: ctx.services.now });
  const result = await engine.run({ kind: o.kind, target: o.at, runner, ...(deadlineMs ? { deadlineMs } : {}) });
  output(ctx, result, () => formatResult(result, o.title));
  return exitCodeFor([result.verdict]);
}
