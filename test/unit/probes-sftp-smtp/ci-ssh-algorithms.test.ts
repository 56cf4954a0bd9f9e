// CI's SSH client profile as a pure judgement over what a server offers (parsed from ssh2's
// handshake log lines). The sshd test proves the same against a real server.
import { describe, expect, it } from 'vitest';
import { ACCEPTED, basisOf, DEPRECATED, judgeCiSsh, parseRemoteOffers, SAP_DOCUMENTED_DEPRECATED } from '../../../shared/ssh/ci-ssh-algorithms';
import { ciSshFindings, jschNegotiationLiteral } from '../../../shared/probe/diagnosis-ssh-algorithms';

const OPENSSH_9 = parseRemoteOffers([
  'KEX method: sntrup761x25519-sha512@openssh.com,curve25519-sha256,ecdh-sha2-nistp256,diffie-hellman-group14-sha256,ext-info-s',
  'Host key format: rsa-sha2-512,rsa-sha2-256,ecdsa-sha2-nistp256,ssh-ed25519',
  'C->S cipher: chacha20-poly1305@openssh.com,aes128-ctr,aes256-gcm@openssh.com',
  'C->S MAC: umac-64-etm@openssh.com,hmac-sha2-256-etm@openssh.com',
]);

describe('CI SSH algorithms', () => {
  it('reads the offers as ssh2 logs them', () => {
    expect(OPENSSH_9.hostKey).toEqual(['rsa-sha2-512', 'rsa-sha2-256', 'ecdsa-sha2-nistp256', 'ssh-ed25519']);
    expect(OPENSSH_9.kex?.[1]).toBe('curve25519-sha256');
  });

  it('a current server: accepted, CI picks its own first preference the server offers', () => {
    const j = judgeCiSsh(OPENSSH_9);
    expect(j.status).toBe('accepts');
    expect(j.agreed).toEqual({ kex: 'curve25519-sha256', hostKey: 'ssh-ed25519', cipher: 'aes128-ctr', mac: 'hmac-sha2-256-etm@openssh.com' });
    expect(ciSshFindings(j, OPENSSH_9)).toEqual([]);
  });

  it('ssh-rsa (SHA-1) as the only host key algorithm: deprecated, with the adapter switch named', () => {
    const offers = { ...OPENSSH_9, hostKey: ['ssh-rsa'] };
    const j = judgeCiSsh(offers);
    expect(j).toMatchObject({ status: 'deprecated', needsDeprecated: ['hostKey'] });
    const [f] = ciSshFindings(j, offers);
    expect(f?.code).toBe('sftp.ci-algorithms-deprecated');
    expect(f?.fix).toContain('Enable Support for Deprecated Algorithms');
    expect(f?.message).toContain('host key ssh-rsa (documented by SAP)');
    expect(f?.literal).toBe(
      'com.jcraft.jsch.JSchAlgoNegoFailException: Algorithm negotiation fail: algorithmName="server_host_key" ' +
        'jschProposal="ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,rsa-sha2-512,rsa-sha2-256" serverProposal="ssh-rsa"',
    );
  });

  it('says which algorithms SAP documents and which are inferred from JSch', () => {
    expect(SAP_DOCUMENTED_DEPRECATED.every((a) => Object.values(DEPRECATED).some((l) => l.includes(a)))).toBe(true);
    expect(basisOf('diffie-hellman-group1-sha1')).toBe('documented by SAP');
    expect(basisOf('aes128-cbc')).toBe("inferred from JSch's defaults");
    const offers = { ...OPENSSH_9, kex: ['diffie-hellman-group14-sha1'], cipher: ['aes256-cbc'] };
    const [f] = ciSshFindings(judgeCiSsh(offers), offers);
    expect(f?.message).toContain("key exchange diffie-hellman-group14-sha1, cipher aes256-cbc (all inferred from JSch's defaults)");
    // Mixed: each algorithm says its own basis.
    const mixed = { ...OPENSSH_9, kex: ['diffie-hellman-group1-sha1'], cipher: ['aes256-cbc'] };
    expect(ciSshFindings(judgeCiSsh(mixed), mixed)[0]?.message).toContain(
      "key exchange diffie-hellman-group1-sha1 (documented by SAP), cipher aes256-cbc (inferred from JSch's defaults)",
    );
    // JSch stops at the first kind it cannot agree on, in its order: key exchange first.
    expect(f?.literal).toContain('algorithmName="kex" jschProposal="curve25519-sha256,');
    expect(f?.literal).toContain(',ext-info-c,kex-strict-c-v00@openssh.com" serverProposal="diffie-hellman-group14-sha1"');
  });

  it('diffie-hellman-group1-sha1 only: deprecated; nothing in common: refused', () => {
    expect(judgeCiSsh({ ...OPENSSH_9, kex: ['diffie-hellman-group1-sha1'] }).needsDeprecated).toEqual(['kex']);
    const none = { ...OPENSSH_9, cipher: ['arcfour256'] };
    expect(judgeCiSsh(none)).toMatchObject({ status: 'refuses', noCommon: ['cipher'] });
    expect(ciSshFindings(judgeCiSsh(none), none)[0]?.code).toBe('sftp.ci-algorithms-refused');
  });

  it('JSch needs a common MAC even with an AEAD cipher (it matches every list before it looks at AEAD)', () => {
    const umacOnly = { ...OPENSSH_9, cipher: ['aes256-gcm@openssh.com'], mac: ['umac-128@openssh.com'] };
    expect(judgeCiSsh(umacOnly)).toMatchObject({ status: 'refuses', noCommon: ['mac'] });
    expect(ciSshFindings(judgeCiSsh(umacOnly), umacOnly)[0]?.literal).toContain('algorithmName="mac.c2s"');
    expect(judgeCiSsh({ ...OPENSSH_9, cipher: ['aes256-gcm@openssh.com'], mac: ['hmac-md5'] }).needsDeprecated).toEqual(['mac']);
  });

  it('the refused literal lists CI’s proposal with the deprecated algorithms, as with the switch on', () => {
    const lit = jschNegotiationLiteral('cipher', { cipher: ['chacha20-poly1305@openssh.com'] }, true);
    expect(lit).toContain('jschProposal="aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com,aes128-cbc,');
    expect(lit).toMatch(/blowfish-cbc" serverProposal="chacha20-poly1305@openssh.com"$/);
  });

  it('no algorithm is both accepted and deprecated', () => {
    for (const k of ['kex', 'hostKey', 'cipher', 'mac'] as const) expect(ACCEPTED[k].filter((a) => DEPRECATED[k].includes(a))).toEqual([]);
  });
});
