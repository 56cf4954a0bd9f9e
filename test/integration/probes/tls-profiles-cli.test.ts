/**
 * `landscape tls HOST:PORT [--ca FILE] [--as ci|sender]` as a user runs it, against openssl
 * s_server: the two client profiles, both failing (never warning) what Java and OpenSSL refuse,
 * each saying which profile decided, CI with Java's literal text.
 */
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeHome } from '../../support/test-services';
import { CLIENT_AUTH, createTestPki, issue, type TestPki } from '../../peers/pki';
import { startOpensslServer, type RunningPeer } from '../../peers/openssl-server';
import type { ProbeResult } from '../../../shared/probe/probe-types';

function runCli(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/landscape.mjs', ...args], { encoding: 'utf8', env: { ...process.env, LANDSCAPE_HOME: makeHome('landscape-cli-') }, timeout: 90_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let pki: TestPki;
let rootFile: string;
let otherRootFile: string;
const peers: Record<string, RunningPeer> = {};

beforeAll(async () => {
  pki = await createTestPki();
  rootFile = pki.write('root.pem', pki.root.certPem);
  otherRootFile = pki.write('other-root.pem', pki.otherRoot.certPem);
  const clientOnly = await issue({ cn: 'localhost', issuer: pki.intermediate, sans: ['localhost', '127.0.0.1'], eku: [CLIENT_AUTH] });
  [peers.good, peers.clientOnly, peers.tls10] = await Promise.all([
    startOpensslServer({ pki, leaf: pki.server }),
    startOpensslServer({ pki, leaf: clientOnly }),
    startOpensslServer({ pki, leaf: pki.server, only: 'tls1' }),
  ]);
}, 60_000);
afterAll(async () => {
  await Promise.all(Object.values(peers).map((p) => p.stop()));
});

function tls(peer: RunningPeer, ...flags: string[]): { code: number | null; result: ProbeResult } {
  const r = runCli(['tls', `127.0.0.1:${peer.port}`, ...flags, '--json']);
  return { code: r.code, result: JSON.parse(r.stdout) as ProbeResult };
}
const codes = (r: ProbeResult) => r.findings.map((f) => f.code);

describe('landscape tls --as ci|sender', { timeout: 120_000 }, () => {
  it('passes a good server as CI when --ca holds its root, and says CI decided', () => {
    const { code, result } = tls(peers.good!, '--ca', rootFile, '--as', 'ci');
    expect(code).toBe(0);
    expect(result.verdict).toBe('passed');
    expect(String(result.facts?.tlsClientProfile)).toMatch(/^Cloud Integration \(Java JSSE/);
  });

  it('fails a clientAuth-only server certificate in both profiles, with Java’s reason for CI', () => {
    const ci = tls(peers.clientOnly!, '--ca', rootFile, '--as', 'ci');
    expect(ci.result.verdict).toBe('failed');
    expect(ci.result.findings.find((f) => f.code === 'tls.eku-not-server')?.literal).toBe(
      'javax.net.ssl.SSLHandshakeException: Extended key usage does not permit use for TLS server authentication',
    );
    const sender = tls(peers.clientOnly!, '--ca', rootFile);
    expect(sender.code).toBe(1);
    expect(sender.result.verdict).toBe('failed');
    expect(codes(sender.result)).toContain('tls.eku-not-server');
    expect(String(sender.result.facts?.tlsClientProfile)).toMatch(/^Sender/);
  });

  it('fails a TLS 1.0-only server as the sender (never a warning; CI: the JSSE matrix)', () => {
    const sender = tls(peers.tls10!, '--ca', rootFile, '--as', 'sender');
    expect(sender.result.verdict).toBe('failed');
    expect(codes(sender.result)).toContain('tls.weak-protocol');
  });

  it('prints which profile decided for a person, and refuses --as ci without --ca (exit 2)', () => {
    const human = runCli(['tls', `127.0.0.1:${peers.good!.port}`, '--ca', otherRootFile, '--as', 'ci']);
    expect(human.code).toBe(1);
    expect(human.stdout).toMatch(/Verdict as: Cloud Integration/);
    // CI trusts only --ca: the server's own root is not in it.
    expect(human.stdout).toMatch(/the real system says: PKIX path building failed/);
    const noCa = runCli(['tls', `127.0.0.1:${peers.good!.port}`, '--as', 'ci']);
    expect(noCa.code).toBe(2);
    expect(noCa.stderr).toMatch(/--as ci needs --ca/);
  });
});
