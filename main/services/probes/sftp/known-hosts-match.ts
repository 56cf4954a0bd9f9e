/**
 * Predicts what CI's SSH client (JSch) says about a host key, given the landscape's modelled CI
 * known_hosts: JSch looks up entries for the host and the key type; none → `reject HostKey`, one
 * with a different key → `HostKey has been changed`. Minimal and private to the SFTP probe until
 * the shared known_hosts parser (shared/ssh/) exists.
 */
import { createHmac } from 'node:crypto';
import { fingerprintOf, type HostKeyInfo } from './host-key';

export type CiHostKeyVerdict =
  | { status: 'match' }
  | { status: 'missing' }
  | { status: 'changed'; existingFingerprint: string };

interface Entry {
  hosts: string;
  keyType: string;
  keyBase64: string;
}

function parseLine(line: string): Entry | undefined {
  const trimmed = line.trim();
  if (!trimmed || trimmed.startsWith('#')) return undefined;
  const parts = trimmed.split(/\s+/);
  // @cert-authority / @revoked lines are not plain host keys; JSch ignores markers it cannot use.
  if (parts[0]?.startsWith('@')) return undefined;
  if (parts.length < 3) return undefined;
  return { hosts: parts[0]!, keyType: parts[1]!, keyBase64: parts[2]! };
}

/** A hashed entry `|1|salt|hash` stores HMAC-SHA1(salt, hostField). */
function hostMatches(pattern: string, hostField: string): boolean {
  if (pattern.startsWith('|1|')) {
    const [, , salt, hash] = pattern.split('|');
    if (!salt || !hash) return false;
    const mac = createHmac('sha1', Buffer.from(salt, 'base64')).update(hostField).digest('base64');
    return mac === hash;
  }
  return pattern.split(',').some((p) => p.toLowerCase() === hostField);
}

export function predictCiVerdict(knownHosts: string[], key: HostKeyInfo): CiHostKeyVerdict {
  const entries = knownHosts
    .flatMap((text) => text.split(/\r?\n/))
    .map(parseLine)
    .filter((e): e is Entry => e !== undefined)
    .filter((e) => e.keyType === key.keyType && hostMatches(e.hosts, key.knownHostsHost));
  if (entries.length === 0) return { status: 'missing' };
  if (entries.some((e) => e.keyBase64 === key.keyBase64)) return { status: 'match' };
  return { status: 'changed', existingFingerprint: fingerprintOf(Buffer.from(entries[0]!.keyBase64, 'base64')) };
}
