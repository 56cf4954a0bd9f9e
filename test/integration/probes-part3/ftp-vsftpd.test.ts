/**
 * The FTP probe against Debian's vsftpd on loopback: Explicit FTPS (AUTH TLS), Implicit FTPS and
 * Plain, the chain judged by the CI profile, login, directory, a passive listing, the write check,
 * TLS session resumption on data connections — and every FTP diagnosis from a real refusal.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFtpRunner } from '../../../main/services/probes/ftp/ftp-runner';
import type { FtpProbeOptions } from '../../../main/services/probes/ftp/ftp-types';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { createLogger, createRedactor } from '../../../main/services/logger';
import { createTestPki, type TestPki } from '../../peers/pki';
import { startControlOnlyRelay, startVsftpd, type VsftpdPeer } from '../../peers/vsftpd';
import { runRecorded } from '../../support/probe-recorder';
import { startHostilePeer, type HostilePeer } from '../../peers/hostile';

const password = `pw-${randomBytes(8).toString('hex')}`;
let pki: TestPki;
let root: X509Certificate;
const peers: Record<string, VsftpdPeer> = {};
let relay: { port: number; stop(): Promise<void> };

beforeAll(async () => {
  pki = await createTestPki();
  root = new X509Certificate(pki.root.certPem);
  const tls = { certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem, password };
  [peers.explicit, peers.noReuse, peers.implicit, peers.plain, peers.dataTls, peers.behindFirewall] = await Promise.all([
    startVsftpd({ tls: 'explicit', ...tls }),
    startVsftpd({ tls: 'explicit', requireReuse: false, ...tls }),
    startVsftpd({ tls: 'implicit', ...tls }),
    startVsftpd({ tls: 'none', password }),
    startVsftpd({ tls: 'none', dataTlsOnly: true, ...tls }),
    startVsftpd({ tls: 'none', password, listenAddress: '127.0.0.2' }),
  ]);
  relay = await startControlOnlyRelay({ host: '127.0.0.2', port: peers.behindFirewall!.port });
}, 60_000);
afterAll(async () => {
  await relay?.stop();
  await Promise.all(Object.values(peers).map((p) => p.stop()));
});

function opts(peer: VsftpdPeer, more: Partial<FtpProbeOptions> = {}): FtpProbeOptions {
  return {
    host: '127.0.0.1',
    port: peer.port,
    protection: 'explicit',
    route: { kind: 'direct' },
    trust: { local: [root], localRole: 'info', ciKeystore: [root] },
    user: 'anonymous',
    password,
    directory: peer.upload,
    ...more,
  };
}
const ids = (r: { steps: { id: string }[] }) => r.steps.map((s) => s.id);

describe('ftp probe against vsftpd', () => {
  it('Explicit FTPS: AUTH TLS, CI trusts the chain, login, listing over TLS, write check; flags the demanded session resumption', async () => {
    const rec = await runRecorded(createFtpRunner(opts(peers.explicit!, { writeCheck: true })));
    expect(rec.error).toBeUndefined();
    expect(ids(rec)).toEqual(['connect', 'greeting', 'auth-tls', 'tls', 'certificates', 'login', 'directory', 'list', 'write', 'resumption']);
    expect(rec.facts.tlsClientProfile).toMatch(/Cloud Integration/);
    expect(rec.facts.ftpDataSessionResumed).toBe(true);
    expect(rec.facts.ftpRequiresSessionResumption).toBe(true);
    const warn = rec.findings.find((f) => f.code === 'ftp.data.reuse-required');
    expect(warn?.severity).toBe('warning');
    expect(warn?.literal).toMatch(/^522 .*session reuse required/);
    expect(rec.transcript.some((l) => /^> STOR landscape-probe-/.test(l))).toBe(true);
    expect(readdirSync(peers.explicit!.upload)).toEqual([]);
    expect(JSON.stringify(rec)).not.toContain(password);
  });

  it('a server that accepts data connections without resumption: no warning', async () => {
    const rec = await runRecorded(createFtpRunner(opts(peers.noReuse!)));
    expect(rec.error).toBeUndefined();
    expect(rec.facts.ftpRequiresSessionResumption).toBe(false);
    expect(rec.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('Implicit FTPS: TLS first, then the greeting', async () => {
    const rec = await runRecorded(createFtpRunner(opts(peers.implicit!, { protection: 'implicit' })));
    expect(rec.error).toBeUndefined();
    expect(ids(rec).slice(0, 4)).toEqual(['connect', 'tls', 'certificates', 'greeting']);
    expect(rec.steps.find((s) => s.id === 'list')?.status).toBe('ok');
  });

  it('Plain FTP against a plain server logs in and lists', async () => {
    const rec = await runRecorded(createFtpRunner(opts(peers.plain!, { protection: 'off' })));
    expect(rec.error).toBeUndefined();
    expect(rec.facts.ftpEncrypted).toBe(false);
    expect(rec.steps.find((s) => s.id === 'resumption')?.status).toBe('skipped');
  });

  it('AUTH TLS refused by a server without FTPS', async () => {
    const rec = await runRecorded(createFtpRunner(opts(peers.plain!)));
    expect(rec.codes).toEqual(['ftp.auth-tls.refused']);
    expect(rec.findings[0]?.literal).toMatch(/^5\d\d /);
    expect(rec.transcript.some((l) => l.startsWith('> USER'))).toBe(false);
  });

  it('Implicit FTPS on a plain port: named as such', async () => {
    const rec = await runRecorded(createFtpRunner(opts(peers.plain!, { protection: 'implicit' })));
    expect(rec.codes).toEqual(['ftp.implicit.not-tls']);
  });

  it('a root missing from the CI keystore: PKIX, and no password is sent', async () => {
    const other = new X509Certificate(pki.otherRoot.certPem);
    const rec = await runRecorded(createFtpRunner(opts(peers.explicit!, { trust: { local: [other], localRole: 'info', ciKeystore: [other] } })));
    expect(rec.codes).toContain('ftp.tls.untrusted');
    expect(rec.codes.some((c) => c.startsWith('tls.pkix'))).toBe(true);
    expect(rec.transcript.some((l) => l.startsWith('> USER'))).toBe(false);
  });

  it('a wrong password: 530 Login incorrect, the password never in the result', async () => {
    const wrong = `wrong-${randomBytes(6).toString('hex')}`;
    const rec = await runRecorded(createFtpRunner(opts(peers.explicit!, { password: wrong })));
    expect(rec.codes).toEqual(['ftp.login.failed']);
    expect(rec.findings[0]?.literal).toBe('530 Login incorrect.');
    expect(JSON.stringify(rec)).not.toContain(wrong);
  });

  it('Plain FTP against a server that demands TLS before login', async () => {
    const rec = await runRecorded(createFtpRunner(opts(peers.explicit!, { protection: 'off' })));
    expect(rec.codes).toEqual(['ftp.tls-required']);
    expect(rec.findings[0]?.fix).toMatch(/Explicit FTPS/);
  });

  it('Plain FTP where the server demands TLS on the data connection', async () => {
    const rec = await runRecorded(createFtpRunner(opts(peers.dataTls!, { protection: 'off' })));
    expect(rec.codes).toEqual(['ftp.data.tls-required']);
    expect(rec.steps.find((s) => s.id === 'login')?.status).toBe('ok');
    expect(rec.steps.find((s) => s.id === 'list')?.status).toBe('failed');
  });

  it('a firewall that passes only the control port: passive port blocked', async () => {
    const rec = await runRecorded(createFtpRunner(opts(peers.behindFirewall!, { port: relay.port, protection: 'off' })));
    expect(rec.codes).toEqual(['ftp.passive.blocked']);
    expect(rec.findings[0]?.message).toMatch(/passive port \d+ could not be opened \(connection refused\)/);
    expect(rec.findings[0]?.whereToFix).toBe('network');
  });

  it('a directory that does not exist, and one the user may not write', async () => {
    const missing = await runRecorded(createFtpRunner(opts(peers.explicit!, { directory: '/no/such/dir' })));
    expect(missing.codes).toEqual(['ftp.directory.missing']);
    const readOnly = await runRecorded(createFtpRunner(opts(peers.explicit!, { directory: peers.explicit!.readOnly, writeCheck: true })));
    expect(readOnly.codes).toEqual(['ftp.write.refused']);
    expect(readOnly.steps.find((s) => s.id === 'list')?.status).toBe('ok');
  });
});

describe('ftp probe: deadline and cancel through the engine', () => {
  // Accepts and never answers: the probe must end by its deadline or its cancel.
  let silent: HostilePeer;
  beforeAll(async () => {
    silent = await startHostilePeer('silent');
  });
  afterAll(() => silent.stop());
  const engine = createProbeEngine({ redactor: createRedactor(), log: createLogger(() => {}, createRedactor()) });

  it('a silent server: timed out at the greeting; a cancel ends the probe as cancelled', async () => {
    const port = silent.port;
    const job = { kind: 'ftp' as const, target: { host: '127.0.0.1', port }, runner: createFtpRunner({ ...opts(peers.plain!), port, protection: 'off' }) };
    const r = await engine.run({ ...job, deadlineMs: 600 });
    expect(r.verdict).toBe('timed-out');
    expect(r.steps.find((s) => s.id === 'greeting')?.status).toBe('failed');
    const controller = new AbortController();
    const running = engine.run({ ...job, deadlineMs: 5_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    expect((await running).verdict).toBe('cancelled');
  });
});
