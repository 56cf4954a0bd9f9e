/**
 * From a modelled pathway to a ProbeJob: the target from its endpoint, the route (decided by
 * services.routes in the probe's first step: a manual proxy on the pathway, else this run's or the
 * landscape's choice — system, direct, environment, PAC, manual; On-Premise → not probed from the
 * laptop, the model's findings shown instead), the trust and the credential. Protocols
 * other than HTTPS are planned by their own probe modules (SFTP, SMTP) through `planners`.
 */
import { deriveDirection, checkPathway, type Landscape, type LaptopRoute, type Pathway } from '../../../shared/landscape';
import { diagnose } from '../../../shared/probe/diagnosis';
import { parseTarget } from '../../../shared/probe/probe-target';
import type { ProbeContext, ProbeJob, ProbeRunner } from './engine-types';
import { createHttpsRunner } from './https-probe';
import { createPacEvaluator } from '../network/pac-evaluator';
import { vaultProxyCredential } from '../network/proxy-credential';
import { createRouteResolver, type RouteResolver, type RouteTarget } from '../network/route-resolver';
import type { Route } from './net/route';
import { routeStep } from './net/route-step';
import { ProbeFailure } from './probe-failure';
import { landscapeTrust, readHttpsAuth, type VaultReader } from './probe-material';

export interface PlanDeps {
  vault: VaultReader;
  env: Record<string, string | undefined>;
  now: () => Date;
  /** How this laptop reaches peers; without one, the environment's proxy and PAC files are read directly. */
  routes?: RouteResolver;
  /** This run's choice (the CLI's --proxy / --pac), over the landscape's setting. */
  routeOverride?: LaptopRoute;
}

export type PathwayPlanner = (l: Landscape, p: Pathway, deps: PlanDeps) => ProbeJob;

const fallbackRoutes = new WeakMap<PlanDeps, RouteResolver>();
function routesOf(deps: PlanDeps): RouteResolver {
  if (deps.routes) return deps.routes;
  let r = fallbackRoutes.get(deps);
  if (!r) fallbackRoutes.set(deps, (r = createRouteResolver({ env: deps.env, pac: createPacEvaluator(), readCredential: vaultProxyCredential(deps.vault) })));
  return r;
}

/** Decides the pathway's route to `target` (the probe's `route` step). */
export function pathwayRoute(ctx: ProbeContext, l: Landscape, p: Pathway, target: RouteTarget, deps: PlanDeps): Promise<Route> {
  return routeStep(ctx, () => routesOf(deps).forPathway(l, p, target, deps.routeOverride));
}

/** A runner that fails at once with a model finding: the pathway itself cannot be probed as it stands. */
export function failingRunner(code: string, vars: Record<string, string | number>): ProbeRunner {
  return async (ctx) => {
    await ctx.step('plan', 'Read the pathway', async (mark) => mark.fail?.(vars.detail ? String(vars.detail) : 'the pathway cannot be probed as it stands (see the finding)'));
    throw new ProbeFailure(diagnose(code, vars));
  };
}

export function planHttpsProbe(l: Landscape, p: Pathway, deps: PlanDeps): ProbeJob {
  const base = { kind: 'https' as const, landscapeId: l.id, pathwayNumber: p.number, deadlineMs: p.probe?.deadlineMs };
  const direction = deriveDirection(p) ?? 'outbound';
  const parsed = parseTarget(p.endpoint, 443);
  if ('error' in parsed) return { ...base, target: { host: '', port: 0 }, runner: failingRunner('model.endpoint-invalid', { detail: parsed.error }) };
  const target = { host: parsed.host, port: parsed.port };
  if (p.proxy.type === 'on-premise') {
    return {
      ...base,
      target,
      runner: async (ctx) => {
        await ctx.step('route', 'Route through the Cloud Connector', async (mark) => mark.skip('only Cloud Integration can take this route'));
        const checked = 'the address (http:// on the virtual host), the location ID and the authentication against the Cloud Connector rules';
        const model = checkPathway(l, p);
        await ctx.step('model', 'Check the pathway against the Cloud Connector rules', async (mark) => {
          mark.detail(checked);
          if (model.some((f) => f.severity === 'error')) mark.fail?.('the model has errors (see the findings)');
        });
        ctx.finding(diagnose('onprem.not-probed', { checked }));
        for (const f of model) ctx.finding(f);
      },
    };
  }
  if (!/^https:\/\//i.test(p.endpoint.trim())) {
    return { ...base, target, runner: failingRunner('model.endpoint-invalid', { detail: `${p.endpoint} is not an https:// URL` }) };
  }
  const trust = landscapeTrust(l, direction);
  return {
    ...base,
    target,
    runner: async (ctx) => {
      const route = await pathwayRoute(ctx, l, p, target, deps);
      const auth = await ctx.step('credentials', 'Read the credential from the vault', async (mark) => {
        const a = await readHttpsAuth(l, p, deps.vault, (t) => routesOf(deps).forPathway(l, p, t, deps.routeOverride), trust);
        mark.detail(a.kind);
        return a;
      });
      await createHttpsRunner({ ...target, path: parsed.path ?? '/', direction, auth, route, trust, now: deps.now })(ctx);
    },
  };
}

export function unsupportedProtocol(l: Landscape, p: Pathway): ProbeJob {
  return {
    kind: 'https',
    target: { host: '', port: 0 },
    landscapeId: l.id,
    pathwayNumber: p.number,
    runner: async (ctx) => ctx.finding(diagnose('model.protocol-unsupported', { protocol: p.protocol.toUpperCase() })),
  };
}
