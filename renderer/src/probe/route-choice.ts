/** The route choices as the panel shows them, and the form state ↔ LaptopRoute mapping. Pure. */
import type { LaptopRoute } from '../../../shared/landscape';

export type RouteMode = LaptopRoute['mode'];

export const ROUTE_MODE_LABELS: Record<RouteMode, string> = {
  system: 'System settings (the operating system’s proxy or PAC)',
  direct: 'Direct, no proxy',
  env: 'Environment variables (HTTPS_PROXY, NO_PROXY)',
  pac: 'PAC file',
  manual: 'Manual proxy',
};
export const ROUTE_MODES = Object.keys(ROUTE_MODE_LABELS) as RouteMode[];

export interface RouteForm {
  mode: RouteMode;
  pacUrl: string;
  host: string;
  port: string;
  credentialId: string;
}

export function formOf(r: LaptopRoute | undefined): RouteForm {
  const x = r ?? { mode: 'system' };
  return {
    mode: x.mode,
    pacUrl: x.mode === 'pac' ? x.pacUrl : '',
    host: x.mode === 'manual' ? x.host : '',
    port: x.mode === 'manual' ? String(x.port) : '',
    credentialId: 'credentialId' in x && x.credentialId ? x.credentialId : '',
  };
}

/** The route to save, or what is missing (named for the field). */
export function routeOf(f: RouteForm): { route: LaptopRoute } | { error: string; field: 'pacUrl' | 'host' | 'port' } {
  const cred = f.credentialId ? { credentialId: f.credentialId } : {};
  switch (f.mode) {
    case 'direct':
    case 'env':
      return { route: { mode: f.mode } };
    case 'system':
      return { route: { mode: 'system', ...cred } };
    case 'pac':
      if (!f.pacUrl.trim()) return { error: 'Enter the PAC file’s address (http://…/proxy.pac) or its path on this laptop.', field: 'pacUrl' };
      return { route: { mode: 'pac', pacUrl: f.pacUrl.trim(), ...cred } };
    case 'manual': {
      if (!f.host.trim()) return { error: 'Enter the proxy’s host name or address.', field: 'host' };
      const port = Number(f.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) return { error: 'Enter the proxy’s port, a number from 1 to 65535.', field: 'port' };
      return { route: { mode: 'manual', host: f.host.trim(), port, ...cred } };
    }
  }
}
