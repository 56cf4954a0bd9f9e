/**
 * Predicts what CI's SSH client (JSch) says about a host key, given the landscape's modelled CI
 * known_hosts, through the shared parser and check (shared/ssh): no entry for host + key type →
 * `reject HostKey`; an entry with a different key → `HostKey has been changed`. main supplies the
 * HMAC-SHA1 that hashed `|1|salt|hash` entries need.
 */
import { parseKnownHosts } from '../../../../shared/ssh/known-hosts';
import { checkHostKey, lookupHost } from '../../../../shared/ssh/known-hosts-check';
import { hashHost } from '../../material/known-hosts-service';
import { fingerprintOf, type HostKeyInfo } from './host-key';

export type CiHostKeyVerdict =
  | { status: 'match' }
  | { status: 'missing' }
  | { status: 'changed'; existingFingerprint: string }
  | { status: 'revoked' };

export function predictCiVerdict(knownHosts: string[], key: HostKeyInfo, target: { host: string; port: number }): CiHostKeyVerdict {
  const entries = parseKnownHosts(knownHosts.join('\n')).entries;
  const host = target.host.toLowerCase();
  const check = checkHostKey(entries, { host, port: target.port, keyType: key.keyType, keyBase64: key.keyBase64 }, hashHost);
  if (check.verdict === 'known') return { status: 'match' };
  if (check.verdict === 'reject HostKey') return { status: 'missing' };
  if (check.verdict === 'revoked') return { status: 'revoked' };
  const old = lookupHost(entries, host, target.port, key.keyType, hashHost)[0];
  return { status: 'changed', existingFingerprint: old ? fingerprintOf(Buffer.from(old.keyBase64, 'base64')) : '?' };
}
