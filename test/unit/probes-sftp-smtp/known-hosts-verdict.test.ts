/** CI's verdict on a host key against the modelled known_hosts, and the known_hosts line we propose. */
import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { utils } from 'ssh2';
import { describeHostKey, formatKnownHostsHost } from '../../../main/services/probes/sftp/host-key';
import { predictCiVerdict } from '../../../main/services/probes/sftp/known-hosts-match';

function rawKey(): Buffer {
  const pair = utils.generateKeyPairSync('ed25519');
  const parsed = utils.parseKey(pair.public);
  if (parsed instanceof Error) throw parsed;
  return (Array.isArray(parsed) ? parsed[0] : parsed).getPublicSSH();
}

const key = describeHostKey(rawKey(), { host: 'sftp.example.com', port: 2222 });
const other = describeHostKey(rawKey(), { host: 'sftp.example.com', port: 2222 });
const target = { host: 'sftp.example.com', port: 2222 };

describe('known_hosts host field and line', () => {
  it('uses the bare host on 22 and [host]:port otherwise', () => {
    expect(formatKnownHostsHost('SFTP.example.com', 22)).toBe('sftp.example.com');
    expect(formatKnownHostsHost('sftp.example.com', 2222)).toBe('[sftp.example.com]:2222');
    expect(key.knownHostsLine).toBe(`[sftp.example.com]:2222 ssh-ed25519 ${key.keyBase64}`);
    expect(key.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
  });
});

describe('predictCiVerdict', () => {
  it('no entry → reject HostKey', () => {
    expect(predictCiVerdict([], key, target)).toEqual({ status: 'missing' });
    // Same host on port 22 is another entry for JSch.
    expect(predictCiVerdict([`sftp.example.com ssh-ed25519 ${key.keyBase64}`], key, target)).toEqual({ status: 'missing' });
    // Another key type for the host does not count either.
    expect(predictCiVerdict([`[sftp.example.com]:2222 ecdsa-sha2-nistp256 ${key.keyBase64}`], key, target)).toEqual({ status: 'missing' });
  });

  it('the same key → match; a different key → HostKey has been changed with the old fingerprint', () => {
    expect(predictCiVerdict([key.knownHostsLine], key, target)).toEqual({ status: 'match' });
    expect(predictCiVerdict([other.knownHostsLine], key, target)).toEqual({ status: 'changed', existingFingerprint: other.fingerprint });
  });

  it('a rotation with both lines present is accepted (add new, then remove old)', () => {
    expect(predictCiVerdict([`${other.knownHostsLine}\n${key.knownHostsLine}`], key, target)).toEqual({ status: 'match' });
  });

  it('matches hashed entries and comma lists; @revoked wins', () => {
    const salt = randomBytes(20);
    const hash = createHmac('sha1', salt).update('[sftp.example.com]:2222').digest('base64');
    expect(predictCiVerdict([`|1|${salt.toString('base64')}|${hash} ssh-ed25519 ${key.keyBase64}`], key, target)).toEqual({ status: 'match' });
    expect(predictCiVerdict([`a.example,[sftp.example.com]:2222 ssh-ed25519 ${key.keyBase64}`], key, target)).toEqual({ status: 'match' });
    expect(predictCiVerdict([key.knownHostsLine, `@revoked * ssh-ed25519 ${key.keyBase64}`], key, target)).toEqual({ status: 'revoked' });
  });

  it('for On-Premise pathways the line names the Cloud Connector virtual host', () => {
    const virtual = describeHostKey(Buffer.from(key.keyBase64, 'base64'), { host: 'sftp-virtual', port: 22 });
    expect(virtual.knownHostsLine).toBe(`sftp-virtual ssh-ed25519 ${key.keyBase64}`);
    expect(predictCiVerdict([key.knownHostsLine], virtual, { host: 'sftp-virtual', port: 22 })).toEqual({ status: 'missing' });
  });
});
