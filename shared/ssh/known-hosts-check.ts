/**
 * Host lookup and the verdict Cloud Integration's SFTP client (JSch) reaches: no key for the host and
 * algorithm → `reject HostKey`; a key that differs → `HostKey has been changed`.
 */
import { hostToken, type KnownHostsEntry } from './known-hosts';

/** HMAC-SHA1(salt, token) as base64, for hashed `|1|salt|hash` entries; provided by main. */
export type HostHasher = (saltBase64: string, token: string) => string;

function globToRegExp(pattern: string): RegExp {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i');
}

function patternMatches(pattern: string, token: string): boolean {
  // `[host]:port` patterns must match the bracketed token; a bare pattern matches port 22 only.
  return globToRegExp(pattern).test(token);
}

export function entryMatchesHost(e: KnownHostsEntry, host: string, port: number, hasher?: HostHasher): boolean {
  const token = hostToken(host, port);
  if (e.hashed) return hasher !== undefined && hasher(e.hashed.salt, token) === e.hashed.hash;
  let matched = false;
  for (const p of e.hosts) {
    if (p.startsWith('!')) {
      if (patternMatches(p.slice(1), token)) return false;
    } else if (patternMatches(p, token)) matched = true;
  }
  return matched;
}

export interface HostKeyQuery {
  host: string;
  port: number;
  keyType: string;
  keyBase64: string;
}

export type HostKeyVerdict = 'known' | 'reject HostKey' | 'HostKey has been changed' | 'revoked';

export interface HostKeyCheck {
  verdict: HostKeyVerdict;
  /** Line numbers of the entries that decided it. */
  lines: number[];
  explanation: string;
}

/** Plain host-key entries (no marker) for host + port + key type. */
export function lookupHost(entries: KnownHostsEntry[], host: string, port: number, keyType: string, hasher?: HostHasher): KnownHostsEntry[] {
  return entries.filter((e) => !e.marker && e.keyType === keyType && entryMatchesHost(e, host, port, hasher));
}

export function checkHostKey(entries: KnownHostsEntry[], q: HostKeyQuery, hasher?: HostHasher): HostKeyCheck {
  const token = hostToken(q.host, q.port);
  const revoked = entries.filter((e) => e.marker === '@revoked' && e.keyBase64 === q.keyBase64);
  if (revoked.length) {
    return { verdict: 'revoked', lines: revoked.map((e) => e.line), explanation: `The key ${q.keyType} offered by ${token} is marked @revoked.` };
  }
  const found = lookupHost(entries, q.host, q.port, q.keyType, hasher);
  if (found.length === 0) {
    return {
      verdict: 'reject HostKey',
      lines: [],
      explanation: `known_hosts has no ${q.keyType} key for ${token}: Cloud Integration fails with "reject HostKey: ${q.host}". Add the server's host key line and deploy known_hosts.`,
    };
  }
  const same = found.filter((e) => e.keyBase64 === q.keyBase64);
  if (same.length) return { verdict: 'known', lines: same.map((e) => e.line), explanation: `${token} ${q.keyType} matches line ${same[0]!.line}.` };
  return {
    verdict: 'HostKey has been changed',
    lines: found.map((e) => e.line),
    explanation: `known_hosts has a different ${q.keyType} key for ${token} (line ${found.map((e) => e.line).join(', ')}): Cloud Integration fails with "HostKey has been changed". Confirm the new key with the server's owner, then replace the line.`,
  };
}
