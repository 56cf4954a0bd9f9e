/**
 * The SFTP probe against an ssh2 Server on loopback, for what sshd cannot do here without a system
 * user: password and dual authentication, a host offering only deprecated algorithms, and the
 * hostVerifier trap (a pin for another key must refuse the host before any password is sent).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSsh2Server, type Ssh2Peer } from '../../peers/ssh2-server';
import { runRecorded } from '../../support/probe-recorder';
import { createSftpRunner } from '../../../main/services/probes/sftp/sftp-runner';
import { scanHostKey } from '../../../main/services/probes/sftp/ssh-scan';
import type { SftpProbeOptions } from '../../../main/services/probes/sftp/sftp-types';
import { makeClientKey, memoryTrust, type ClientKey } from './ssh-material';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let pwPeer: Ssh2Peer;
let dualPeer: Ssh2Peer;
let key: ClientKey;

beforeAll(async () => {
  key = makeClientKey('ed25519');
  pwPeer = await startSsh2Server({ user: 'ci-user', password: canary, mode: 'password' });
  dualPeer = await startSsh2Server({ user: 'ci-user', password: canary, mode: 'dual', authorizedKey: key.publicLine });
});
afterAll(async () => {
  await pwPeer?.stop();
  await dualPeer?.stop();
});

async function pinned(port: number) {
  const trust = memoryTrust();
  const scan = await scanHostKey({ host: '127.0.0.1', port });
  trust.observe({ host: '127.0.0.1', port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint });
  trust.pin({ host: '127.0.0.1', port, keyType: scan.hostKey.keyType, fingerprint: scan.hostKey.fingerprint, confirmedBy: 't', confirmedHow: 'phone' });
  return { trust, line: scan.hostKey.knownHostsLine };
}

function opts(port: number, trust: ReturnType<typeof memoryTrust>, more: Partial<SftpProbeOptions>): SftpProbeOptions {
  return { host: '127.0.0.1', port, knownHosts: [], findPin: trust.findPin, auth: 'password', user: 'ci-user', ...more };
}

function everything(rec: Awaited<ReturnType<typeof runRecorded>>): string {
  return JSON.stringify(rec);
}

describe('sftp probe against an ssh2 server', () => {
  it('logs in with the right password and keeps the password out of everything it records', async () => {
    const { trust } = await pinned(pwPeer.port);
    const rec = await runRecorded(createSftpRunner(opts(pwPeer.port, trust, { password: canary })));
    expect(rec.error).toBeUndefined();
    expect(rec.steps.find((s) => s.id === 'auth')?.status).toBe('ok');
    expect(everything(rec)).not.toContain(canary);
  });

  it('diagnoses a wrong password as Auth fail (wrong user or password)', async () => {
    const { trust } = await pinned(pwPeer.port);
    const rec = await runRecorded(createSftpRunner(opts(pwPeer.port, trust, { password: `${canary}-wrong` })));
    const f = rec.findings.find((x) => x.code === 'sftp.auth.password');
    expect(f?.literal).toBe('Auth fail');
    expect(everything(rec)).not.toContain(canary);
  });

  it('refuses a host whose key differs from the pin before any password is sent (sync hostVerifier)', async () => {
    const other = await startSsh2Server({ user: 'ci-user', password: canary, mode: 'password' });
    try {
      const { trust } = await pinned(pwPeer.port);
      // Point the pin for pwPeer at `other`: same host, different key.
      const pin = trust.list()[0]!;
      const rec = await runRecorded(
        createSftpRunner(opts(other.port, trust, { password: canary, findPin: () => ({ ...pin, port: other.port }) })),
      );
      expect(rec.codes).toContain('sftp.hostkey.pin-mismatch');
      expect(other.passwordAttempts).toBe(0);
      expect(rec.steps.find((s) => s.id === 'auth')).toBeUndefined();
    } finally {
      await other.stop();
    }
  });

  it('dual: key and password both needed; each failure named', async () => {
    const { trust } = await pinned(dualPeer.port);
    const good = await runRecorded(createSftpRunner(opts(dualPeer.port, trust, { auth: 'dual', privateKey: key.privateKey, password: canary })));
    expect(good.error).toBeUndefined();
    const badPw = await runRecorded(createSftpRunner(opts(dualPeer.port, trust, { auth: 'dual', privateKey: key.privateKey, password: 'nope' })));
    expect(badPw.codes).toEqual(['sftp.hostkey.reject', 'sftp.auth.password']);
    const stranger = makeClientKey('ed25519');
    const badKey = await runRecorded(createSftpRunner(opts(dualPeer.port, trust, { auth: 'dual', privateKey: stranger.privateKey, password: canary })));
    expect(badKey.codes).toContain('sftp.auth.publickey');
    expect(everything(good) + everything(badPw) + everything(badKey)).not.toContain(canary);
  });

  it('names a password-only server when the pathway uses a public key', async () => {
    const { trust } = await pinned(pwPeer.port);
    const rec = await runRecorded(createSftpRunner(opts(pwPeer.port, trust, { auth: 'publickey', privateKey: key.privateKey })));
    expect(rec.codes).toContain('sftp.auth.method-not-offered');
  });

  it("names CI's negotiation failure against a server offering only deprecated algorithms, and still reaches it", async () => {
    const old = await startSsh2Server({
      user: 'ci-user',
      password: canary,
      mode: 'password',
      hostKeyType: 'rsa',
      algorithms: { kex: ['diffie-hellman-group1-sha1'], cipher: ['aes128-cbc'], serverHostKey: ['ssh-rsa'] },
    });
    try {
      const rec = await runRecorded(createSftpRunner(opts(old.port, memoryTrust(), { password: canary })));
      // The probe's client speaks the deprecated algorithms too (as CI with "Enable Support for
      // Deprecated Algorithms" would), so it connects; CI's default client would not.
      const f = rec.findings.find((x) => x.code === 'sftp.ci-algorithms-deprecated');
      expect(f?.literal).toMatch(/^com\.jcraft\.jsch\.JSchAlgoNegoFailException: Algorithm negotiation fail: algorithmName="kex" /);
      expect(f?.message).toContain('key exchange diffie-hellman-group1-sha1 (documented by SAP)');
      expect(f?.message).toContain('host key ssh-rsa (documented by SAP)');
      expect(f?.message).toContain("cipher aes128-cbc (inferred from JSch's defaults)");
      expect(rec.steps.find((s) => s.id === 'connect')?.status).toBe('ok');
      expect(rec.steps.find((s) => s.id === 'ci-algorithms')?.status).toBe('failed');
    } finally {
      await old.stop();
    }
  });
});
