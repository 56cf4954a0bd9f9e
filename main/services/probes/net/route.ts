/**
 * Chooses the route to a target: direct, the environment's proxy (HTTPS_PROXY honouring NO_PROXY),
 * or the pathway's explicit HTTP proxy with Basic authentication. Pure: the caller supplies env.
 */
export interface ProxyRoute {
  kind: 'proxy';
  host: string;
  port: number;
  source: 'pathway' | 'environment';
  user?: string;
  password?: string;
}
export type Route = { kind: 'direct' } | ProxyRoute;

export interface ExplicitProxy {
  host: string;
  port: number;
  user?: string;
  password?: string;
}

export function describeRoute(route: Route): string {
  if (route.kind === 'direct') return 'direct';
  const auth = route.user ? ` as ${route.user}` : '';
  return `via ${route.source === 'pathway' ? 'the pathway’s' : 'the environment’s'} HTTP proxy ${route.host}:${route.port}${auth} (CONNECT)`;
}

export function chooseRoute(host: string, explicit: ExplicitProxy | undefined, env: Record<string, string | undefined>): Route {
  if (explicit) return { kind: 'proxy', source: 'pathway', ...explicit };
  const raw = env.HTTPS_PROXY ?? env.https_proxy;
  if (!raw || bypassesProxy(host, env.NO_PROXY ?? env.no_proxy)) return { kind: 'direct' };
  let url: URL;
  try {
    url = new URL(raw.includes('://') ? raw : `http://${raw}`);
  } catch {
    return { kind: 'direct' };
  }
  const route: ProxyRoute = { kind: 'proxy', source: 'environment', host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 80) };
  if (url.username) route.user = decodeURIComponent(url.username);
  if (url.password) route.password = decodeURIComponent(url.password);
  return route;
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
