import { describe, expect, it } from 'vitest';
import { formatKnownHosts, hostToken, parseKnownHosts } from '../../../shared/ssh/known-hosts';
import { checkHostKey, lookupHost } from '../../../shared/ssh/known-hosts-check';
import { hashHost } from '../../../main/services/material/known-hosts-service';

const K1 = 'AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl';
const K2 = 'AAAAC3NzaC1lZDI1NTE5AAAAIBbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb';
const salt = Buffer.from('0123456789abcdefghij').toString('base64');
const hashed = `|1|${salt}|${hashHost(salt, '[hidden.lab]:2200')}`;

const TEXT = [
  '# comment',
  `sftp.lab,10.0.0.5 ssh-ed25519 ${K1} a comment`,
  `[sftp.lab]:2222 ssh-ed25519 ${K2}`,
  `${hashed} ssh-ed25519 ${K1}`,
  `*.corp,!bad.corp ssh-ed25519 ${K1}`,
  `@cert-authority *.ca.lab ssh-ed25519 ${K1}`,
  `@revoked * ssh-ed25519 ${K2}`,
  'garbage',
].join('\n');

describe('known_hosts parse / write', () => {
  const { entries, errors } = parseKnownHosts(TEXT);
  it('reads hosts, [host]:port, hashed entries and markers; reports bad lines', () => {
    expect(entries).toHaveLength(6);
    expect(entries[0]!.hosts).toEqual(['sftp.lab', '10.0.0.5']);
    expect(entries[0]!.comment).toBe('a comment');
    expect(entries[2]!.hashed?.salt).toBe(salt);
    expect(entries[4]!.marker).toBe('@cert-authority');
    expect(entries[5]!.marker).toBe('@revoked');
    expect(errors).toEqual([{ line: 8, reason: expect.any(String) }]);
  });
  it('writes back what it read', () => {
    expect(parseKnownHosts(formatKnownHosts(entries)).entries.map(({ line: _l, ...e }) => e)).toEqual(entries.map(({ line: _l, ...e }) => e));
  });
  it('tokens: port 22 is bare, other ports bracketed', () => {
    expect(hostToken('h', 22)).toBe('h');
    expect(hostToken('h', 2222)).toBe('[h]:2222');
  });
});

describe('lookup and the JSch verdicts', () => {
  const { entries } = parseKnownHosts(TEXT);
  const q = (host: string, port: number, key: string) => checkHostKey(entries, { host, port, keyType: 'ssh-ed25519', keyBase64: key }, hashHost).verdict;

  it('by host + port + key type', () => {
    expect(lookupHost(entries, 'sftp.lab', 22, 'ssh-ed25519', hashHost)).toHaveLength(1);
    expect(lookupHost(entries, 'sftp.lab', 22, 'ssh-rsa', hashHost)).toHaveLength(0);
    expect(lookupHost(entries, 'sftp.lab', 2222, 'ssh-ed25519', hashHost)[0]!.keyBase64).toBe(K2);
  });
  it('known, reject HostKey, HostKey has been changed', () => {
    expect(q('10.0.0.5', 22, K1)).toBe('known');
    expect(q('elsewhere.lab', 22, K1)).toBe('reject HostKey');
    expect(q('sftp.lab', 2200, K1)).toBe('reject HostKey');
    expect(q('hidden.lab', 2200, K1)).toBe('known');
    expect(q('x.corp', 22, K1)).toBe('known');
    expect(q('bad.corp', 22, K1)).toBe('reject HostKey');
  });
  it('a changed key and a revoked key', () => {
    const withoutRevoked = entries.filter((e) => e.marker !== '@revoked');
    expect(checkHostKey(withoutRevoked, { host: 'sftp.lab', port: 22, keyType: 'ssh-ed25519', keyBase64: K2 }, hashHost).verdict).toBe('HostKey has been changed');
    expect(q('sftp.lab', 2222, K2)).toBe('revoked');
  });
  it('hashed entries need the hasher', () => {
    expect(checkHostKey(entries, { host: 'hidden.lab', port: 2200, keyType: 'ssh-ed25519', keyBase64: K1 }).verdict).toBe('reject HostKey');
  });
});
