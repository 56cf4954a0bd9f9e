/**
 * The SFTP probe against Debian's OpenSSH sshd on loopback: host key facts equal ssh-keygen's,
 * trust on first use (nothing sent before a confirmed pin), CI's known_hosts verdicts, the changed
 * key after a restart with a new host key, public-key login, authorized_keys and directory checks.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSshd, type SshdPeer } from '../../peers/sshd';
import { runRecorded } from '../../support/probe-recorder';
import { createSftpRunner } from '../../../main/services/probes/sftp/sftp-runner';
import { scanHostKey } from '../../../main/services/probes/sftp/ssh-scan';
import type { SftpProbeOptions } from '../../../main/services/probes/sftp/sftp-types';
import { fingerprintWithSshKeygen, makeClientKey, memoryTrust, type ClientKey } from './ssh-material';

let sshd: SshdPeer;
let key: ClientKey;
let stranger: ClientKey;

beforeAll(async () => {
  key = makeClientKey('ed25519');
  stranger = makeClientKey('ed25519');
  sshd = await startSshd({ authorizedKeys: [key.publicLine] });
});
afterAll(async () => sshd?.stop());

function options(trust: ReturnType<typeof memoryTrust>, more: Partial<SftpProbeOptions> = {}): SftpProbeOptions {
  return {
    host: '127.0.0.1',
    port: sshd.port,
    knownHosts: [],
    findPin: trust.findPin,
    observe: trust.observe,
    auth: 'publickey',
    user: sshd.user,
    privateKey: key.privateKey,
    ...more,
  };
}

async function pinCurrent(trust: ReturnType<typeof memoryTrust>): Promise<string> {
  const scan = await scanHostKey({ host: '127.0.0.1', port: sshd.port });
  trust.observe({ host: '127.0.0.1', port: sshd.port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint });
  trust.pin({ host: '127.0.0.1', port: sshd.port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint, confirmedBy: 'tester', confirmedHow: 'ssh-keygen on the server console' });
  return scan.hostKey.knownHostsLine;
}

describe('sftp probe against sshd', () => {
  it('scans the host key like ssh-keyscan, with ssh-keygen’s fingerprint and CI’s verdict', async () => {
    const scan = await scanHostKey({ host: '127.0.0.1', port: sshd.port });
    const [type, b64] = sshd.hostKeyLine().split(' ');
    expect(scan.hostKey.keyType).toBe(type);
    expect(scan.hostKey.keyBase64).toBe(b64);
    expect(scan.hostKey.fingerprint).toBe(fingerprintWithSshKeygen(sshd.hostKeyLine()));
    expect(scan.hostKey.knownHostsLine).toBe(`[127.0.0.1]:${sshd.port} ${type} ${b64}`);
    expect(scan.ci.status).toBe('missing');
    expect(scan.ciVerdict).toContain('reject HostKey');
  });

  it('never logs in with an unconfirmed host key, and says what CI will say', async () => {
    const rec = await runRecorded(createSftpRunner(options(memoryTrust())));
    expect(rec.codes).toContain('sftp.hostkey.unconfirmed');
    expect(rec.codes).toContain('sftp.hostkey.reject');
    expect(rec.steps.find((s) => s.id === 'hostkey')?.status).toBe('failed');
    expect(rec.steps.find((s) => s.id === 'auth')).toBeUndefined();
    expect(rec.transcript.join('\n')).not.toContain('auth: trying');
  });

  it('logs in with the public key after the pin, checks the directory and leaves no temp file', async () => {
    const trust = memoryTrust();
    const line = await pinCurrent(trust);
    const rec = await runRecorded(createSftpRunner(options(trust, { knownHosts: [line], directory: 'upload', writeCheck: true })));
    expect(rec.error).toBeUndefined();
    expect(rec.facts.ciVerdict).toMatch(/matches/);
    expect(rec.steps.map((s) => [s.id, s.status])).toEqual([
      ['connect', 'ok'],
      ['ci-algorithms', 'ok'],
      ['hostkey', 'ok'],
      ['auth', 'ok'],
      ['directory', 'ok'],
    ]);
    expect(rec.transcript.join('\n')).toMatch(/create and remove .*→ ok/);
    expect(readdirSync(join(sshd.home, 'upload'))).toEqual([]);
  });

  it('reports a missing directory and a directory the user cannot write', async () => {
    const trust = memoryTrust();
    await pinCurrent(trust);
    const missing = await runRecorded(createSftpRunner(options(trust, { directory: 'nowhere' })));
    expect(missing.codes).toContain('sftp.directory.missing');
    expect(missing.steps.find((s) => s.id === 'directory')?.status).toBe('failed');
    // root writes everywhere, so a read-only sftp server (internal-sftp -R) stands in for "no permission".
    const readOnly = await startSshd({ authorizedKeys: [key.publicLine], sftpFlags: '-R' });
    try {
      const ro = memoryTrust();
      const scan = await scanHostKey({ host: '127.0.0.1', port: readOnly.port });
      ro.observe({ host: '127.0.0.1', port: readOnly.port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint });
      ro.pin({ host: '127.0.0.1', port: readOnly.port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint, confirmedBy: 't', confirmedHow: 'console' });
      const existsOnly = await runRecorded(createSftpRunner({ ...options(ro), port: readOnly.port, directory: 'upload' }));
      expect(existsOnly.error).toBeUndefined();
      const rec = await runRecorded(createSftpRunner({ ...options(ro), port: readOnly.port, directory: 'upload', writeCheck: true }));
      expect(rec.codes).toContain('sftp.directory.not-writable');
    } finally {
      await readOnly.stop();
    }
  });

  it('names our key missing from authorized_keys and shows the line to add', async () => {
    const trust = memoryTrust();
    await pinCurrent(trust);
    const rec = await runRecorded(createSftpRunner(options(trust, { privateKey: stranger.privateKey })));
    const f = rec.findings.find((x) => x.code === 'sftp.auth.publickey');
    expect(f?.literal).toBe('Auth fail');
    expect(f?.fix).toContain(stranger.publicLine.split(' ').slice(0, 2).join(' '));
  });

  it('after a restart with a new host key: the pin fails and CI would say HostKey has been changed', async () => {
    const trust = memoryTrust();
    const oldLine = await pinCurrent(trust);
    await sshd.rotateHostKey();
    const rec = await runRecorded(createSftpRunner(options(trust, { knownHosts: [oldLine] })));
    expect(rec.codes).toContain('sftp.hostkey.pin-mismatch');
    expect(rec.codes).toContain('sftp.hostkey.changed');
    expect(rec.findings.find((f) => f.code === 'sftp.hostkey.changed')?.literal).toBe('HostKey has been changed');
    expect(rec.transcript.join('\n')).not.toContain('auth: trying');
    // Re-confirmation of the new key makes it pass again.
    await pinCurrent(trust);
    const again = await runRecorded(createSftpRunner(options(trust, { knownHosts: [oldLine] })));
    expect(again.error).toBeUndefined();
    expect(again.codes).toContain('sftp.hostkey.changed');
  });
});
