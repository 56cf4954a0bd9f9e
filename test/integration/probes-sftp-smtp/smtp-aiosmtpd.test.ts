/**
 * The SMTP probe against Debian's python3-aiosmtpd and npm smtp-server on loopback: every CI
 * protection (Off, STARTTLS Mandatory/Optional, SMTPS), the chain against the modelled CI keystore,
 * AUTH PLAIN/LOGIN/CRAM-MD5, sender/recipient checks — and never a DATA command, never the password.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPki, type TestPki } from '../../peers/pki';
import { startAiosmtpd, startCramServer, type SmtpPeer } from '../../peers/smtp';
import { runRecorded } from '../../support/probe-recorder';
import { createSmtpRunner } from '../../../main/services/probes/smtp/smtp-runner';
import type { SmtpProbeOptions } from '../../../main/services/probes/smtp/smtp-types';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let pki: TestPki;
const peers: Record<string, SmtpPeer> = {};

beforeAll(async () => {
  pki = await createTestPki();
  const tls = { certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem };
  const cred = { user: 'mailer', password: canary };
  [peers.starttls, peers.required, peers.plain, peers.smtps, peers.cram] = await Promise.all([
    startAiosmtpd({ mode: 'starttls', ...cred, ...tls }),
    startAiosmtpd({ mode: 'require-starttls', ...cred, ...tls }),
    startAiosmtpd({ mode: 'plain', ...cred }),
    startAiosmtpd({ mode: 'smtps', ...cred, ...tls }),
    startCramServer({ ...cred, ...tls }),
  ]);
}, 60_000);
afterAll(async () => {
  for (const p of Object.values(peers)) await p.stop();
});

function opts(peer: SmtpPeer, more: Partial<SmtpProbeOptions>): SmtpProbeOptions {
  const root = new X509Certificate(pki.root.certPem);
  return {
    host: '127.0.0.1',
    port: peer.port,
    protection: 'starttls-mandatory',
    route: { kind: 'direct' },
    trust: { local: [root], localRole: 'info', ciKeystore: [root] },
    auth: 'plain',
    user: 'mailer',
    password: canary,
    ...more,
  };
}

const all = (r: unknown): string => JSON.stringify(r);

describe('smtp probe', () => {
  it('STARTTLS Mandatory: upgrades, trusts the chain via the CI keystore, logs in, checks addresses, sends no mail', async () => {
    const rec = await runRecorded(createSmtpRunner(opts(peers.starttls!, { from: 'ci@example.com', to: 'ops@example.com' })));
    expect(rec.error).toBeUndefined();
    expect(rec.steps.map((s) => s.id)).toEqual(['connect', 'banner', 'ehlo', 'starttls', 'tls', 'certificates', 'ehlo-tls', 'auth', 'addresses']);
    expect(rec.facts.smtpCapabilities).toContain('STARTTLS');
    expect(rec.facts.smtpAuthMechanisms).toEqual(expect.arrayContaining(['PLAIN', 'LOGIN']));
    expect(rec.transcript).toContain('> RSET');
    expect(rec.transcript).toContain('> QUIT');
    expect(rec.transcript.some((l) => /^> DATA/.test(l))).toBe(false);
    expect(peers.starttls!.dataCount()).toBe(0);
    expect(all(rec)).not.toContain(canary);
    expect(all(rec)).not.toContain(Buffer.from(`\0mailer\0${canary}`).toString('base64'));
  });

  it('a root missing from the CI keystore: Could not convert socket to TLS', async () => {
    const other = new X509Certificate(pki.otherRoot.certPem);
    const rec = await runRecorded(createSmtpRunner(opts(peers.starttls!, { protection: 'starttls-optional', trust: { local: [other], localRole: 'info', ciKeystore: [other] } })));
    const f = rec.findings.find((x) => x.code === 'smtp.tls.untrusted');
    expect(f?.literal).toBe('Could not convert socket to TLS');
    expect(rec.steps.find((s) => s.id === 'auth')).toBeUndefined();
  });

  it('STARTTLS Mandatory against a server without STARTTLS fails before any AUTH', async () => {
    const rec = await runRecorded(createSmtpRunner(opts(peers.plain!, {})));
    expect(rec.error).toBeDefined();
    expect(rec.codes).toEqual(['smtp.starttls.missing']);
    expect(rec.steps.find((s) => s.id === 'starttls')?.status).toBe('failed');
    expect(rec.transcript.some((l) => l.startsWith('> AUTH'))).toBe(false);
  });

  it('STARTTLS Optional that stays plain: a warning, and the plain password warning', async () => {
    const rec = await runRecorded(createSmtpRunner(opts(peers.plain!, { protection: 'starttls-optional' })));
    expect(rec.error).toBeUndefined();
    expect(rec.codes).toEqual(['smtp.starttls.stayed-plain', 'smtp.auth.unencrypted']);
    expect(rec.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(all(rec)).not.toContain(canary);
  });

  it('protection Off against a server that wants STARTTLS first: 530', async () => {
    const rec = await runRecorded(createSmtpRunner(opts(peers.required!, { protection: 'off', auth: 'none', from: 'ci@example.com' })));
    const f = rec.findings.find((x) => x.code === 'smtp.starttls.required');
    expect(f?.literal).toMatch(/^530 .*STARTTLS/);
  });

  it('a wrong password: 535 with the Microsoft 365 note', async () => {
    const rec = await runRecorded(createSmtpRunner(opts(peers.starttls!, { password: `${canary}-x` })));
    const f = rec.findings.find((x) => x.code === 'smtp.auth.bad-credentials');
    expect(f?.message).toMatch(/^The server refused the credentials for "mailer" \(535/);
    expect(f?.message).toContain('Microsoft 365');
    expect(all(rec)).not.toContain(canary);
  });

  it('a rejected sender and a rejected recipient', async () => {
    const sender = await runRecorded(createSmtpRunner(opts(peers.starttls!, { from: 'spoof@example.com', to: 'ops@example.com' })));
    expect(sender.findings.find((x) => x.code === 'smtp.address.sender-rejected')?.literal).toMatch(/^553/);
    const rcpt = await runRecorded(createSmtpRunner(opts(peers.starttls!, { from: 'ci@example.com', to: 'nobody@example.com' })));
    expect(rcpt.findings.find((x) => x.code === 'smtp.address.recipient-rejected')?.literal).toMatch(/^550/);
    expect(peers.starttls!.dataCount()).toBe(0);
  });

  it('SMTPS: TLS from the first byte, then AUTH LOGIN/PLAIN', async () => {
    const rec = await runRecorded(createSmtpRunner(opts(peers.smtps!, { protection: 'smtps' })));
    expect(rec.error).toBeUndefined();
    expect(rec.steps[1]?.id).toBe('tls');
    expect(rec.facts.smtpEncrypted).toBe(true);
    const other = new X509Certificate(pki.otherRoot.certPem);
    const untrusted = await runRecorded(createSmtpRunner(opts(peers.smtps!, { protection: 'smtps', trust: { local: [other], localRole: 'info', ciKeystore: [other] } })));
    expect(untrusted.codes).toContain('tls.pkix-root-not-sent');
    expect(untrusted.steps.find((s) => s.id === 'banner')).toBeUndefined();
  });

  it('Encrypted User/Password uses CRAM-MD5; a server without it is named', async () => {
    const rec = await runRecorded(createSmtpRunner(opts(peers.cram!, { auth: 'encrypted' })));
    expect(rec.error).toBeUndefined();
    expect(rec.transcript.join('\n')).toContain('> AUTH CRAM-MD5');
    const bad = await runRecorded(createSmtpRunner(opts(peers.cram!, { auth: 'encrypted', password: 'wrong' })));
    expect(bad.codes).toContain('smtp.auth.bad-credentials');
    const none = await runRecorded(createSmtpRunner(opts(peers.starttls!, { auth: 'encrypted' })));
    expect(none.codes).toContain('smtp.auth.mechanism-missing');
    expect(peers.cram!.dataCount()).toBe(0);
    expect(all(rec) + all(bad)).not.toContain(canary);
  });
});
