/**
 * Predicts what CI's SSH client (JSch) says about a host key, given the landscape's modelled CI
 * known_hosts: no entry for host + key type → `reject HostKey`; an entry with a different key →
 * `HostKey has been changed`. Parsing is the shared one (shared/ssh); the host match is done here
 * because the shared glob match reads `[host]:port` brackets as a character class (reported), and
 * main supplies the HMAC-SHA1 that hashed `|1|salt|hash` entries need.
 */
import { createHmac } from 'node:crypto';
import { hostToken, parseKnownHosts, type KnownHostsEntry } from '../../../../shared/ssh/known-hosts';
import { fingerprintOf, type HostKeyInfo } from './host-key';

export type CiHostKeyVerdict =
  | { status: 'match' }
  | { status: 'missing' }
  | { status: 'changed'; existingFingerprint: string }
  | { status: 'revoked' };

const hmacSha1 = (salt: string, token: string): string => createHmac('sha1', Buffer.from(salt, 'base64')).update(token).digest('base64');

function globMatch(pattern: string, token: string): boolean {
  const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`, 'i').test(token);
}

function matchesHost(e: KnownHostsEntry, token: string): boolean {
  if (e.hashed) return hmacSha1(e.hashed.salt, token) === e.hashed.hash;
  let matched = false;
  for (const p of e.hosts) {
    if (p.startsWith('!')) {
      if (globMatch(p.slice(1), token)) return false;
    } else if (globMatch(p, token)) matched = true;
  }
  return matched;
}

export function predictCiVerdict(knownHosts: string[], key: HostKeyInfo, target: { host: string; port: number }): CiHostKeyVerdict {
  const token = hostToken(target.host.toLowerCase(), target.port);
  const entries = parseKnownHosts(knownHosts.join('\n')).entries;
  if (entries.some((e) => e.marker === '@revoked' && e.keyBase64 === key.keyBase64)) return { status: 'revoked' };
  const found = entries.filter((e) => !e.marker && e.keyType === key.keyType && matchesHost(e, token));
  if (found.length === 0) return { status: 'missing' };
  if (found.some((e) => e.keyBase64 === key.keyBase64)) return { status: 'match' };
  return { status: 'changed', existingFingerprint: fingerprintOf(Buffer.from(found[0]!.keyBase64, 'base64')) };
}
