/**
 * From a modelled pathway to a ProbeJob: the target from its endpoint, the route from its proxy
 * (Internet → direct or the environment's proxy; manual → that HTTP proxy; On-Premise → not probed
 * from the laptop, the model's findings shown instead), the trust and the credential. Protocols
 * other than HTTPS are planned by their own probe modules (SFTP, SMTP) through `planners`.
 */
import { deriveDirection, checkPathway, type Landscape, type Pathway } from '../../../shared/landscape';
import { diagnose } from '../../../shared/probe/diagnosis';
import { parseTarget } from '../../../shared/probe/probe-target';
import type { ProbeContext, ProbeJob, ProbeRunner } from './engine-types';
import { createHttpsRunner } from './https-probe';
import { chooseRoute, type ExplicitProxy, type Route } from './net/route';
import { ProbeFailure } from './probe-failure';
import { landscapeTrust, readHttpsAuth, type VaultReader } from './probe-material';

export interface PlanDeps {
  vault: VaultReader;
  env: Record<string, string | undefined>;
  now: () => Date;
  /** Credentials for an explicit proxy given by the caller; a manual proxy's vault credential wins. */
  proxyAuth?: Pick<ExplicitProxy, 'user' | 'password'>;
}

export type PathwayPlanner = (l: Landscape, p: Pathway, deps: PlanDeps) => ProbeJob;

function routeFor(p: Pathway, host: string, deps: PlanDeps): Route {
  if (p.proxy.type === 'manual') return chooseRoute(host, { host: p.proxy.host, port: p.proxy.port, ...deps.proxyAuth }, deps.env);
  return chooseRoute(host, undefined, deps.env);
}

/** The manual proxy's own Basic credential, read from the vault and registered as a secret. */
async function readProxyAuth(p: Pathway, vault: PlanDeps['vault'], ctx: ProbeContext): Promise<PlanDeps['proxyAuth']> {
  if (p.proxy.type !== 'manual' || !p.proxy.credentialId) return undefined;
  const id = p.proxy.credentialId;
  return ctx.step('proxy-credentials', 'Read the proxy credential from the vault', async () => {
    const [meta, secret] = await Promise.all([vault.get(id), vault.readSecret(id)]);
    const password = secret.password;
    if (!meta.user || !password) throw new ProbeFailure(diagnose('model.credential-missing', { detail: 'the proxy credential has no user and password' }));
    ctx.secret(password);
    return { user: meta.user, password };
  });
}

/** A runner that fails at once with a model finding: the pathway itself cannot be probed as it stands. */
export function failingRunner(code: string, vars: Record<string, string | number>): ProbeRunner {
  return async (ctx) => {
    await ctx.step('plan', 'Read the pathway', async (mark) => mark.fail?.(vars.detail ? String(vars.detail) : code));
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
        await ctx.step('route', 'Route through the Cloud Connector', async (mark) => mark.skip('On-Premise pathways cannot be probed from the laptop'));
        ctx.finding(diagnose('onprem.not-probed'));
        for (const f of checkPathway(l, p)) ctx.finding(f);
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
      const proxyAuth = await readProxyAuth(p, deps.vault, ctx);
      const routeDeps = proxyAuth ? { ...deps, proxyAuth } : deps;
      const auth = await ctx.step('credentials', 'Read the credential from the vault', async (mark) => {
        const a = await readHttpsAuth(l, p, deps.vault, (h) => routeFor(p, h, routeDeps), trust);
        mark.detail(a.kind);
        return a;
      });
      await createHttpsRunner({ ...target, path: parsed.path ?? '/', direction, auth, route: routeFor(p, target.host, routeDeps), trust, now: deps.now })(ctx);
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
