/**
 * CI's SSH client profile (shared/ssh/ci-ssh-algorithms.ts) against Debian's OpenSSH sshd made to
 * offer only specific algorithms: a current server is accepted; an ssh-rsa-only host key or a
 * SHA-1 key exchange is accepted by CI only with "Enable Support for Deprecated Algorithms", so the
 * probe fails with JSch's literal and says where to fix it; a chacha20-only server is refused by CI
 * even with that switch. The probe's own client (ssh2, with its deprecated algorithms appended by
 * default) still connects, so the host key and login are checked as before.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startSshd, type SshdPeer } from '../../peers/sshd';
import { createRedactor, silentLogger } from '../../../main/services/logger';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { createSftpRunner } from '../../../main/services/probes/sftp/sftp-runner';
import { scanHostKey } from '../../../main/services/probes/sftp/ssh-scan';
import { makeClientKey, memoryTrust } from './ssh-material';
import { formatResult } from '../../../main/cli/commands/probe-format';

let sshd: SshdPeer | undefined;
const engine = createProbeEngine({ redactor: createRedactor(), log: silentLogger });
afterEach(async () => sshd?.stop());

async function probeSshd(extraConfig: string[], hostKeyType: 'ed25519' | 'rsa' = 'ed25519') {
  const key = makeClientKey('ed25519');
  sshd = await startSshd({ authorizedKeys: [key.publicLine], hostKeyType, extraConfig });
  const trust = memoryTrust();
  const scan = await scanHostKey({ host: '127.0.0.1', port: sshd.port });
  trust.observe({ host: '127.0.0.1', port: sshd.port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint });
  trust.pin({ host: '127.0.0.1', port: sshd.port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint, confirmedBy: 'tester', confirmedHow: 'test' });
  const runner = createSftpRunner({
    host: '127.0.0.1',
    port: sshd.port,
    knownHosts: [scan.hostKey.knownHostsLine],
    findPin: trust.findPin,
    observe: trust.observe,
    auth: 'publickey',
    user: sshd.user,
    privateKey: key.privateKey,
  });
  return engine.run({ kind: 'sftp', target: { host: '127.0.0.1', port: sshd.port }, runner });
}

describe("CI's SSH algorithms against sshd", () => {
  it('a current OpenSSH: CI agrees (ed25519 host key, curve25519), no finding', async () => {
    const r = await probeSshd([]);
    expect(r.verdict).toBe('passed');
    expect(r.facts?.ciSshAlgorithms).toMatch(/^key exchange curve25519-sha256, host key ssh-ed25519, cipher \S+, MAC \S+ \(all inferred from JSch's defaults\)$/);
    expect(r.facts?.ciSshVerdict).toMatch(/^accepted with the adapter/);
    expect(r.facts?.ciSshBasis).toMatch(/SAP documents only that ssh-rsa and diffie-hellman-group1-sha1/);
    expect(r.steps.find((s) => s.id === 'ci-algorithms')?.status).toBe('ok');
    expect(r.findings.filter((f) => f.code.startsWith('sftp.ci-algorithms'))).toEqual([]);
  });

  it('an ssh-rsa-only host key: CI needs "Enable Support for Deprecated Algorithms"', async () => {
    const r = await probeSshd(['HostKeyAlgorithms ssh-rsa'], 'rsa');
    expect(r.verdict).toBe('failed');
    const f = r.findings.find((x) => x.code === 'sftp.ci-algorithms-deprecated');
    expect(f?.message).toContain('host key ssh-rsa (documented by SAP)');
    expect(f?.fix).toContain('Enable Support for Deprecated Algorithms');
    expect(f?.literal).toMatch(/^com\.jcraft\.jsch\.JSchAlgoNegoFailException: Algorithm negotiation fail: algorithmName="server_host_key" .* serverProposal="ssh-rsa"$/);
    expect(r.steps.find((s) => s.id === 'ci-algorithms')?.status).toBe('failed');
    // The CLI prints CI's view with its basis.
    const text = formatResult(r, 'sftp');
    expect(text).toContain('Algorithms as CI\'s SSH client: only with “Enable Support for Deprecated Algorithms”');
    expect(text).toContain('agrees on: key exchange curve25519-sha256 (inferred from JSch\'s defaults), host key ssh-rsa (documented by SAP), cipher');
    expect(text).toContain('basis: SAP documents only that ssh-rsa and diffie-hellman-group1-sha1');
    // The login itself worked: only CI's verdict fails.
    expect(r.steps.find((s) => s.id === 'auth')?.status).toBe('ok');
  });

  it('a SHA-1 key exchange only: deprecated for CI as well', async () => {
    const r = await probeSshd(['KexAlgorithms diffie-hellman-group14-sha1']);
    const f = r.findings.find((x) => x.code === 'sftp.ci-algorithms-deprecated');
    expect(f?.message).toContain("key exchange diffie-hellman-group14-sha1 (inferred from JSch's defaults)");
    expect(f?.literal).toContain('algorithmName="kex"');
    expect(r.verdict).toBe('failed');
    expect(r.steps.find((s) => s.id === 'auth')?.status).toBe('ok');
  });

  it('a chacha20-poly1305-only server: OpenSSH clients connect, CI refuses even with deprecated algorithms', async () => {
    const r = await probeSshd(['Ciphers chacha20-poly1305@openssh.com']);
    const f = r.findings.find((x) => x.code === 'sftp.ci-algorithms-refused');
    expect(f?.message).toContain('no cipher algorithm');
    expect(f?.literal).toContain('algorithmName="cipher.c2s"');
    expect(f?.literal).toContain('serverProposal="chacha20-poly1305@openssh.com"');
    expect(r.facts?.ciSshVerdict).toMatch(/^refused/);
    expect(r.verdict).toBe('failed');
    expect(r.steps.find((s) => s.id === 'auth')?.status).toBe('ok');
  });
});
