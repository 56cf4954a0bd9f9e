/**
 * Reads what the user typed as a probe target: `host:port`, `[v6]:port`, a bare host, or a pasted
 * URL (reduced to host and port, with a note — CI's TLS test takes no URL either).
 */
export interface ParsedTarget {
  host: string;
  port: number;
  /** Set when a URL was given: its path and query, for the HTTPS probe. */
  path?: string;
  reducedFromUrl: boolean;
}

const DEFAULT_PORTS: Record<string, number> = {
  https: 443, http: 80, sftp: 22, ssh: 22, smtps: 465, smtp: 587,
  ftp: 21, ftps: 990, imap: 143, imaps: 993, pop3: 110, pop3s: 995, amqp: 5672, amqps: 5671, ws: 80, wss: 443,
};

export function parseTarget(input: string, defaultPort = 443): ParsedTarget | { error: string } {
  const text = input.trim();
  if (!text) return { error: 'empty target' };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text);
  if (scheme) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return { error: `not a valid URL: ${text}` };
    }
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!host) return { error: `no host in ${text}` };
    const port = url.port ? Number(url.port) : (DEFAULT_PORTS[scheme[1]!.toLowerCase()] ?? defaultPort);
    return { host, port, path: `${url.pathname}${url.search}` || '/', reducedFromUrl: true };
  }
  const v6 = /^\[([^\]]+)\](?::(\d+))?$/.exec(text);
  if (v6) return withPort(v6[1]!, v6[2], defaultPort);
  const parts = text.split(':');
  if (parts.length > 2) return withPort(text, undefined, defaultPort);
  return withPort(parts[0]!, parts[1], defaultPort);
}

function withPort(host: string, port: string | undefined, defaultPort: number): ParsedTarget | { error: string } {
  if (!/^[A-Za-z0-9.:_-]+$/.test(host)) return { error: `not a host name: ${host}` };
  const n = port === undefined ? defaultPort : Number(port);
  if (!Number.isInteger(n) || n < 1 || n > 65535) return { error: `not a port: ${port}` };
  return { host, port: n, reducedFromUrl: false };
}
