/**
 * OpenSSH known_hosts lines: parse and write. Cloud Integration's SFTP stack (JSch) reads the same
 * format from the tenant's known_hosts file. Pure: hashed entries keep salt and hash as base64 text;
 * matching them needs HMAC-SHA1, which the caller passes in (see known-hosts-check.ts).
 */
export type KnownHostsMarker = '@cert-authority' | '@revoked';

export interface KnownHostsEntry {
  /** 1-based line number in the parsed text. */
  line: number;
  marker?: KnownHostsMarker;
  /** Host patterns as written (`host`, `[host]:port`, `*.corp`, `!bad`); empty for hashed entries. */
  hosts: string[];
  hashed?: { salt: string; hash: string };
  keyType: string;
  keyBase64: string;
  comment?: string;
}

export interface KnownHostsParse {
  entries: KnownHostsEntry[];
  errors: { line: number; reason: string }[];
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function parseKnownHosts(text: string): KnownHostsParse {
  const entries: KnownHostsEntry[] = [];
  const errors: KnownHostsParse['errors'] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const parsed = parseKnownHostsLine(line, i + 1);
    if ('reason' in parsed) errors.push({ line: i + 1, reason: parsed.reason });
    else entries.push(parsed);
  });
  return { entries, errors };
}

export function parseKnownHostsLine(line: string, lineNo = 1): KnownHostsEntry | { reason: string } {
  const fields = line.trim().split(/\s+/);
  let marker: KnownHostsMarker | undefined;
  if (fields[0]?.startsWith('@')) {
    const m = fields.shift();
    if (m !== '@cert-authority' && m !== '@revoked') return { reason: `unknown marker ${m}` };
    marker = m;
  }
  const [hostField, keyType, keyBase64, ...rest] = fields;
  if (!hostField || !keyType || !keyBase64) return { reason: 'expected: host key-type base64-key' };
  if (!BASE64.test(keyBase64)) return { reason: 'the key is not base64' };
  const entry: KnownHostsEntry = { line: lineNo, hosts: [], keyType, keyBase64 };
  if (marker) entry.marker = marker;
  if (rest.length) entry.comment = rest.join(' ');
  if (hostField.startsWith('|1|')) {
    const [, , salt, hash] = hostField.split('|');
    if (!salt || !hash) return { reason: 'malformed hashed host (|1|salt|hash)' };
    entry.hashed = { salt, hash };
  } else entry.hosts = hostField.split(',');
  return entry;
}

/** The token OpenSSH writes and hashes for a host: `host` on port 22, `[host]:port` otherwise. */
export function hostToken(host: string, port = 22): string {
  return port === 22 ? host : `[${host}]:${port}`;
}

export interface KnownHostsLineInput {
  hosts: string[];
  keyType: string;
  keyBase64: string;
  marker?: KnownHostsMarker;
  comment?: string;
}

export function formatKnownHostsLine(e: KnownHostsLineInput | KnownHostsEntry): string {
  const hostField = 'hashed' in e && e.hashed ? `|1|${e.hashed.salt}|${e.hashed.hash}` : e.hosts.join(',');
  return [e.marker, hostField, e.keyType, e.keyBase64, e.comment].filter((x) => x !== undefined && x !== '').join(' ');
}

export function formatKnownHosts(entries: (KnownHostsLineInput | KnownHostsEntry)[]): string {
  return entries.map(formatKnownHostsLine).join('\n') + (entries.length ? '\n' : '');
}
