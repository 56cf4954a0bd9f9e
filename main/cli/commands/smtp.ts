import { readFileSync } from 'node:fs';
import { UsageError, output, readSecretFlag, stringFlag, type CommandDef } from '../command';
import { parseTarget } from '../../../shared/probe/probe-target';
import { createProbeEngine } from '../../services/probes/engine';
import { landscapeTrust, osTrust } from '../../services/probes/probe-material';
import { parsePemBundle } from '../../services/probes/tls/certificates';
import type { SmtpAuthMode } from '../../services/probes/smtp/smtp-auth';
import { createSmtpRunner } from '../../services/probes/smtp/smtp-runner';
import type { SmtpProtection } from '../../services/probes/smtp/smtp-types';
import type { ProbeRunner } from '../../services/probes/engine-types';
import type { Route } from '../../services/probes/net/route';
import { routeStep } from '../../services/probes/net/route-step';
import { ROUTE_FLAGS, ROUTE_USAGE, routeChoice } from '../route-flags';
import { exitCodeFor, formatResult } from './probe-format';

const PROTECTIONS: SmtpProtection[] = ['off', 'starttls-mandatory', 'starttls-optional', 'smtps'];
const AUTHS: SmtpAuthMode[] = ['none', 'plain', 'encrypted'];

function readCa(file: string | undefined): string {
  if (!file) return '';
  try {
    return readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`--ca: cannot read ${file}`);
  }
}

export const smtpCommand: CommandDef = {
  name: 'smtp',
  uses: ['landscapes', 'routes'],
  summary: 'SMTP probe as CI’s mail adapter meets the server: banner, EHLO, STARTTLS/SMTPS and chain, AUTH, From/To — never sends mail',
  usage:
    'landscape smtp HOST:PORT --protection starttls-mandatory|starttls-optional|smtps|off [--auth none|plain|encrypted --user U --password-env VAR] ' +
    `[--from ADDR] [--to ADDR] [--ca FILE | --landscape NAME] [--deadline MS] ${ROUTE_USAGE} [--json]`,
  valueFlags: ['protection', 'auth', 'user', 'password-env', 'from', 'to', 'ca', 'landscape', 'deadline', ...ROUTE_FLAGS],
  async run(args, ctx) {
    const target = args.positionals[0];
    if (!target || args.positionals.length > 1) throw new UsageError('give exactly one HOST:PORT');
    const protection = stringFlag(args, 'protection') as SmtpProtection | undefined;
    if (!protection || !PROTECTIONS.includes(protection)) throw new UsageError(`--protection is one of ${PROTECTIONS.join(', ')}`);
    const parsed = parseTarget(target, protection === 'smtps' ? 465 : 587);
    if ('error' in parsed) throw new UsageError(parsed.error);
    const auth = (stringFlag(args, 'auth') ?? 'none') as SmtpAuthMode;
    if (!AUTHS.includes(auth)) throw new UsageError(`--auth is one of ${AUTHS.join(', ')}`);
    const user = stringFlag(args, 'user');
    const password = await readSecretFlag(args, ctx, 'password-env');
    if (auth !== 'none' && (!user || password === undefined)) throw new UsageError(`--auth ${auth} needs --user and --password-env VAR (or - for stdin)`);
    const deadline = stringFlag(args, 'deadline');
    const deadlineMs = deadline === undefined ? undefined : Number(deadline);
    if (deadlineMs !== undefined && (!Number.isInteger(deadlineMs) || deadlineMs < 100)) throw new UsageError('--deadline takes milliseconds (≥ 100)');
    const landscape = stringFlag(args, 'landscape');
    const trust = landscape
      ? landscapeTrust(ctx.services.landscapes.get(landscape), 'outbound')
      : { local: [...osTrust(), ...parsePemBundle(readCa(stringFlag(args, 'ca')))], localRole: 'laptop' as const };
    const from = stringFlag(args, 'from');
    const to = stringFlag(args, 'to');
    const smtpRunner = (route: Route) => createSmtpRunner({
      host: parsed.host,
      port: parsed.port,
      protection,
      route,
      trust,
      auth,
      ...(user ? { user } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      now: ctx.services.now,
    });
    const override = routeChoice(args);
    const choice = override ?? (landscape ? ctx.services.landscapes.get(landscape).network : undefined) ?? { mode: 'system' as const };
    const at = { host: parsed.host, port: parsed.port };
    const runner: ProbeRunner = async (pctx) => {
      const route = await routeStep(pctx, () => ctx.services.routes.resolve(at, choice, override ? 'command line' : 'landscape'));
      await smtpRunner(route)(pctx);
    };
    const engine = createProbeEngine({ redactor: ctx.services.redactor, log: ctx.services.log, now: ctx.services.now });
    const result = await engine.run({ kind: 'smtp', target: { host: parsed.host, port: parsed.port }, runner, ...(deadlineMs ? { deadlineMs } : {}) });
    output(ctx, result, () => formatResult(result, `SMTP ${parsed.host}:${parsed.port} (${protection})`));
    return exitCodeFor([result.verdict]);
  },
};
