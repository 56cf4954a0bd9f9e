/**
 * The answer of a PAC file's FindProxyForURL (and of Electron's session.resolveProxy, which speaks
 * the same language): "PROXY host:port; HTTPS host:port; DIRECT; SOCKS5 host:port". Pure.
 */
export type PacEntry =
  | { kind: 'direct' }
  | { kind: 'proxy'; host: string; port: number; tls: boolean }
  | { kind: 'socks'; host: string; port: number }
  | { kind: 'unknown'; text: string };

export function parsePacResult(text: string): PacEntry[] {
  return text
    .split(';')
    .map((part) => part.trim())
    .filter(Boolean)
    .slice(0, 32)
    .map(parseEntry);
}

function parseEntry(part: string): PacEntry {
  const [keyword = '', address = ''] = part.split(/\s+/, 2);
  const k = keyword.toUpperCase();
  if (k === 'DIRECT') return { kind: 'direct' };
  const hp = splitHostPort(address, k === 'HTTPS' ? 443 : k.startsWith('SOCKS') ? 1080 : 80);
  if (!hp) return { kind: 'unknown', text: part.slice(0, 200) };
  if (k === 'PROXY' || k === 'HTTP') return { kind: 'proxy', ...hp, tls: false };
  if (k === 'HTTPS') return { kind: 'proxy', ...hp, tls: true };
  if (k === 'SOCKS' || k === 'SOCKS4' || k === 'SOCKS5') return { kind: 'socks', ...hp };
  return { kind: 'unknown', text: part.slice(0, 200) };
}

function splitHostPort(address: string, defaultPort: number): { host: string; port: number } | undefined {
  const m = /^\[([0-9a-fA-F:.]+)\](?::(\d{1,5}))?$/.exec(address) ?? /^([^:\s[\]]+)(?::(\d{1,5}))?$/.exec(address);
  if (!m || !m[1]) return undefined;
  const port = m[2] ? Number(m[2]) : defaultPort;
  if (port < 1 || port > 65535) return undefined;
  return { host: m[1], port };
}

/** The entry a CONNECT-speaking client can use: the first plain HTTP proxy or DIRECT, in order. */
export function firstUsable(entries: PacEntry[]): { entry: PacEntry; skipped: PacEntry[] } | undefined {
  const skipped: PacEntry[] = [];
  for (const e of entries) {
    if (e.kind === 'direct' || (e.kind === 'proxy' && !e.tls)) return { entry: e, skipped };
    skipped.push(e);
  }
  return undefined;
}
