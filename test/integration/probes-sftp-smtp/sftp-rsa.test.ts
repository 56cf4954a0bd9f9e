/**
 * RSA client keys against Debian's sshd (OpenSSH 9.2 refuses ssh-rsa SHA-1 signatures by default):
 * the probe logs in with rsa-sha2, then signs once with ssh-rsa and warns that a client signing that
 * way gets `Auth fail`; a server configured to accept ssh-rsa raises nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdPeer } from '../../peers/sshd';
import { runRecorded } from '../../support/probe-recorder';
import { createSftpRunner } from '../../../main/services/probes/sftp/sftp-runner';
import { scanHostKey } from '../../../main/services/probes/sftp/ssh-scan';
import { makeClientKey, memoryTrust, type ClientKey } from './ssh-material';

let rsa: ClientKey;
const peers: SshdPeer[] = [];

beforeAll(() => {
  rsa = makeClientKey('rsa');
});
afterAll(async () => {
  for (const p of peers) await p.stop();
});

async function probe(peer: SshdPeer) {
  const trust = memoryTrust();
  const scan = await scanHostKey({ host: '127.0.0.1', port: peer.port });
  trust.observe({ host: '127.0.0.1', port: peer.port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint });
  trust.pin({ host: '127.0.0.1', port: peer.port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint, confirmedBy: 't', confirmedHow: 'console' });
  return runRecorded(
    createSftpRunner({
      host: '127.0.0.1',
      port: peer.port,
      knownHosts: [scan.hostKey.knownHostsLine],
      findPin: trust.findPin,
      auth: 'publickey',
      user: peer.user,
      privateKey: rsa.privateKey,
    }),
  );
}

describe('sftp probe with an RSA key', () => {
  it('warns that the server refuses ssh-rsa (SHA-1) signatures while rsa-sha2 works', async () => {
    const peer = await startSshd({ authorizedKeys: [rsa.publicLine] });
    peers.push(peer);
    const rec = await probe(peer);
    expect(rec.error).toBeUndefined();
    const f = rec.findings.find((x) => x.code === 'sftp.auth.ssh-rsa-refused');
    expect(f?.severity).toBe('warning');
    expect(rec.facts.sshRsaSha1Signature).toBe('refused');
    expect(rec.steps.find((s) => s.id === 'auth')?.status).toBe('warning');
  });

  it('raises nothing when the server still accepts ssh-rsa signatures', async () => {
    const peer = await startSshd({ authorizedKeys: [rsa.publicLine], extraConfig: ['PubkeyAcceptedAlgorithms +ssh-rsa'] });
    peers.push(peer);
    const rec = await probe(peer);
    expect(rec.error).toBeUndefined();
    expect(rec.facts.sshRsaSha1Signature).toBe('accepted');
    expect(rec.codes).not.toContain('sftp.auth.ssh-rsa-refused');
  });
});
