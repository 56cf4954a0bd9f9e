/**
 * `services.routes`: the one place that decides how THIS LAPTOP reaches a peer for a probe.
 * Order: a pathway's manual proxy (CI's own proxy type, which the laptop uses too), then a choice
 * made for this run (the CLI's --proxy / --pac), then the landscape's setting, else `system`.
 * `system` is the operating system's decision (Electron's session.resolveProxy: settings, PAC,
 * WPAD) in the app; outside Electron there is no such resolver, so the CLI and tests read the
 * environment (HTTPS_PROXY / HTTP_PROXY / NO_PROXY), as curl does.
 */
import type { Landscape, LaptopRoute, Pathway } from '../../../shared/landscape';
import { firstUsable, parsePacResult, type PacEntry } from '../../../shared/probe/pac-result';
import { routeFromEnv, type Route, type RouteSource } from '../probes/net/route';
import type { PacEvaluator } from './pac-evaluator';
import { RouteFailure } from './route-failure';

export interface RouteResolverDeps {
  env: Record<string, string | undefined>;
  pac: PacEvaluator;
  /** The OS's answer for a URL in PAC syntax ("PROXY h:p; DIRECT"); the Electron shell injects it. */
  systemProxy?: (url: string) => Promise<string>;
  /** A vault credential's user and password (the manual proxy's Basic authentication). */
  readCredential: (id: string) => Promise<{ user: string; password: string }>;
}

export interface RouteTarget {
  host: string;
  port: number;
}

/** Who made a choice, for the route's wording. */
export type ChoiceOrigin = 'landscape' | 'command line';

export interface RouteResolver {
  /** The route for a bare target under a choice (CLI `tls`, `smtp`, `ssh-scan`). */
  resolve(target: RouteTarget, choice: LaptopRoute, origin: ChoiceOrigin): Promise<Route>;
  /** The route for a pathway's probe: its manual proxy, else `override`, else the landscape's setting. */
  forPathway(l: Landscape, p: Pathway, target: RouteTarget, override?: LaptopRoute): Promise<Route>;
}

/** The URL a PAC file or the OS is asked about: every probe tunnels with CONNECT, as an https client does. */
export function routeQueryUrl(t: RouteTarget): string {
  const host = t.host.includes(':') ? `[${t.host}]` : t.host;
  return `https://${host}:${t.port}/`;
}

export function createRouteResolver(deps: RouteResolverDeps): RouteResolver {
  async function withCredential(route: Route, credentialId: string | undefined): Promise<Route> {
    if (route.kind !== 'proxy' || !credentialId) return route;
    const c = await deps.readCredential(credentialId);
    return { ...route, user: c.user, password: c.password };
  }

  function fromPacAnswer(answer: string, source: RouteSource, origin: string | undefined): Route {
    const entries = parsePacResult(answer);
    const usable = firstUsable(entries);
    const said = source === 'pac' ? `PAC ${origin} said DIRECT` : 'the system settings say DIRECT';
    if (!usable) {
      if (entries.length === 0) return { kind: 'direct', reason: said };
      throw new RouteFailure(entries.some((e) => e.kind === 'socks') ? 'route.socks' : 'route.unusable', { answer: describeEntries(entries), pac: origin ?? 'the system settings' });
    }
    const e = usable.entry;
    if (e.kind !== 'proxy') return { kind: 'direct', reason: said };
    return { kind: 'proxy', host: e.host, port: e.port, source, ...(origin ? { origin } : {}) };
  }

  async function resolve(target: RouteTarget, choice: LaptopRoute, origin: ChoiceOrigin): Promise<Route> {
    const chosen = origin === 'landscape' ? 'chosen for this landscape' : 'chosen on the command line';
    switch (choice.mode) {
      case 'direct':
        return { kind: 'direct', reason: chosen };
      case 'env':
        return routeFromEnv(target.host, deps.env);
      case 'system': {
        if (!deps.systemProxy) return routeFromEnv(target.host, deps.env);
        let answer: string;
        try {
          answer = await deps.systemProxy(routeQueryUrl(target));
        } catch (e) {
          throw new RouteFailure('route.system-failed', { detail: e instanceof Error ? e.message : String(e) });
        }
        return withCredential(fromPacAnswer(answer, 'system', undefined), choice.credentialId);
      }
      case 'pac':
        return withCredential(fromPacAnswer(await deps.pac.find(choice.pacUrl, routeQueryUrl(target), target.host), 'pac', choice.pacUrl), choice.credentialId);
      case 'manual':
        return withCredential({ kind: 'proxy', host: choice.host, port: choice.port, source: 'landscape' }, choice.credentialId);
    }
  }

  return {
    resolve,
    async forPathway(l, p, target, override) {
      if (p.proxy.type === 'manual') {
        return withCredential({ kind: 'proxy', host: p.proxy.host, port: p.proxy.port, source: 'pathway' }, p.proxy.credentialId);
      }
      if (override) return resolve(target, override, 'command line');
      return resolve(target, l.network ?? { mode: 'system' }, 'landscape');
    },
  };
}

function describeEntries(entries: PacEntry[]): string {
  return entries.map((e) => (e.kind === 'direct' ? 'DIRECT' : e.kind === 'unknown' ? e.text : `${e.kind === 'socks' ? 'SOCKS' : 'HTTPS'} ${e.host}:${e.port}`)).join('; ');
}
