/**
 * A probe's route to its target: direct, or a CONNECT tunnel through an HTTP proxy, with where
 * that decision came from (so every result can say "proxy H:P from PAC …" or "NO_PROXY matched").
 * Pure: the caller supplies the environment. PAC files and the operating system's decision are
 * resolved by main/services/network/route-resolver.ts, which produces the same Route.
 */
export type RouteSource = 'pathway' | 'landscape' | 'environment' | 'pac' | 'system';

export interface ProxyRoute {
  kind: 'proxy';
  host: string;
  port: number;
  source: RouteSource;
  /** Where the decision came from, named to the user: the variable, the PAC URL. */
  origin?: string;
  user?: string;
  password?: string;
}
export interface DirectRoute {
  kind: 'direct';
  /** Why direct, when something was consulted: "NO_PROXY matched", "PAC … said DIRECT". */
  reason?: string;
}
export type Route = DirectRoute | ProxyRoute;

export interface ExplicitProxy {
  host: string;
  port: number;
  user?: string;
  password?: string;
}

const SOURCE_TEXT: Record<RouteSource, (origin?: string) => string> = {
  pathway: () => 'set on the pathway',
  landscape: () => 'set for this landscape',
  environment: (o) => `from ${o ?? 'HTTPS_PROXY'}`,
  pac: (o) => `from PAC ${o ?? ''}`.trim(),
  system: () => 'from the system settings',
};

/** One line for the result, the panel and the CLI; never the proxy password. */
export function describeRoute(route: Route): string {
  if (route.kind === 'direct') return route.reason ? `direct (${route.reason})` : 'direct';
  const auth = route.user ? ` as ${route.user}` : '';
  return `proxy ${route.host.includes(':') ? `[${route.host}]` : route.host}:${route.port} ${SOURCE_TEXT[route.source](route.origin)}${auth}`;
}

/** The variables curl reads, in its order for a tunnelled (https-like) connection. */
const PROXY_VARS = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'ALL_PROXY', 'all_proxy'] as const;

/** The environment's proxy (HTTPS_PROXY, then HTTP_PROXY, ALL_PROXY) honouring NO_PROXY. */
export function routeFromEnv(host: string, env: Record<string, string | undefined>): Route {
  const name = PROXY_VARS.find((v) => env[v]?.trim());
  if (!name) return { kind: 'direct' };
  if (bypassesProxy(host, env.NO_PROXY ?? env.no_proxy)) return { kind: 'direct', reason: 'NO_PROXY matched' };
  const raw = env[name]!.trim();
  let url: URL;
  try {
    url = new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    return { kind: 'direct', reason: `${name.toUpperCase()} is not a proxy URL` };
  }
  const route: ProxyRoute = { kind: 'proxy', source: 'environment', origin: name.toUpperCase(), host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 80) };
  if (url.username) route.user = decodeURIComponent(url.username);
  if (url.password) route.password = decodeURIComponent(url.password);
  return route;
}

/** An explicit proxy wins; otherwise the environment's. */
export function chooseRoute(host: string, explicit: ExplicitProxy | undefined, env: Record<string, string | undefined>): Route {
  if (explicit) return { kind: 'proxy', source: 'pathway', ...explicit };
  return routeFromEnv(host, env);
}

/** NO_PROXY semantics as curl has them: `*`, exact hosts, and domain suffixes (leading dot optional). */
export function bypassesProxy(host: string, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const h = host.toLowerCase();
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => {
      const e = entry.toLowerCase().replace(/:\d+$/, '');
      if (e === '*') return true;
      const bare = e.startsWith('.') ? e.slice(1) : e;
      return h === bare || h.endsWith(`.${bare}`);
    });
}
