/**
 * The IMAP and POP3 probes against Debian's dovecot on loopback: SSL/TLS, STARTTLS (STLS) and Off,
 * the chain judged by the CI profile, the login, the folder, the counts — and that no flag changed
 * (the Maildir file names keep their flags, the unread count is the same after the probe). Every
 * mailbox diagnosis dovecot can produce comes from a real refusal.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createImapRunner } from '../../../main/services/probes/mailbox/imap-runner';
import { createPop3Runner } from '../../../main/services/probes/mailbox/pop3-runner';
import type { MailboxProbeOptions } from '../../../main/services/probes/mailbox/mailbox-types';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { createLogger, createRedactor } from '../../../main/services/logger';
import { freePort } from '../../peers/ports';
import { createTestPki, type TestPki } from '../../peers/pki';
import { startDovecot, type DovecotPeer } from '../../peers/dovecot';
import { runRecorded } from '../../support/probe-recorder';
import { startHostilePeer, type HostilePeer } from '../../peers/hostile';

const user = 'ci-poller';
const password = `pw-${randomBytes(8).toString('hex')}`;
let pki: TestPki;
let root: X509Certificate;
/** TLS, plain-text logins refused before TLS (dovecot's default); on 127.0.0.1 (tls) and 127.0.0.2 (strict). */
let tls: DovecotPeer;
let strict: DovecotPeer;
/** No TLS at all, plain-text logins allowed, on 127.0.0.2. */
let open: DovecotPeer;

beforeAll(async () => {
  pki = await createTestPki();
  root = new X509Certificate(pki.root.certPem);
  const material = { user, password, certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem };
  [tls, strict, open] = await Promise.all([
    startDovecot(material),
    startDovecot({ ...material, listenAddress: '127.0.0.2' }),
    startDovecot({ user, password, disablePlaintextAuth: false, listenAddress: '127.0.0.2' }),
  ]);
}, 60_000);
afterAll(async () => Promise.all([tls, strict, open].map((p) => p?.stop())));

function opts(peer: DovecotPeer, port: number, more: Partial<MailboxProbeOptions> = {}): MailboxProbeOptions {
  return { host: peer.host, port, protection: 'tls', route: { kind: 'direct' }, trust: { local: [root], localRole: 'info', ciKeystore: [root] }, user, password, ...more };
}
const ids = (r: { steps: { id: string }[] }) => r.steps.map((s) => s.id);
const seenFlags = (peer: DovecotPeer) => peer.messageFiles().filter((f) => /:2,[A-Z]*S/.test(f)).length;
const sent = (r: { transcript: string[] }, pattern: RegExp) => r.transcript.some((l) => l.startsWith('> ') && pattern.test(l));

describe('imap probe against dovecot', () => {
  it('SSL/TLS: CI trusts the chain, login, INBOX exists, 5 messages of which 3 unread; no flag changed', async () => {
    const before = seenFlags(tls);
    const rec = await runRecorded(createImapRunner(opts(tls, tls.imaps)));
    expect(rec.error).toBeUndefined();
    expect(ids(rec)).toEqual(['connect', 'tls', 'certificates', 'greeting', 'capability', 'auth', 'folder', 'content']);
    expect(rec.facts.tlsClientProfile).toMatch(/Cloud Integration/);
    expect(rec.facts).toMatchObject({ mailboxMessages: 5, mailboxUnread: 3, mailEncrypted: true });
    expect(rec.findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(sent(rec, /SELECT|EXAMINE|FETCH|STORE/)).toBe(false);
    expect(JSON.stringify(rec)).not.toContain(password);
    expect(seenFlags(tls)).toBe(before);
    const again = await runRecorded(createImapRunner(opts(tls, tls.imaps)));
    expect(again.facts.mailboxUnread).toBe(3);
  });

  it('STARTTLS: upgraded before the login, capabilities read again', async () => {
    const rec = await runRecorded(createImapRunner(opts(tls, tls.imap, { protection: 'starttls' })));
    expect(rec.error).toBeUndefined();
    expect(ids(rec)).toEqual(['connect', 'greeting', 'capability', 'starttls', 'tls', 'certificates', 'capability-tls', 'auth', 'folder', 'content']);
    expect(rec.facts.mailboxMessages).toBe(5);
  });

  it('Off against a server that allows plain-text logins: passes, with the unencrypted password named', async () => {
    const rec = await runRecorded(createImapRunner(opts(open, open.imap, { protection: 'off' })));
    expect(rec.error).toBeUndefined();
    expect(rec.codes).toEqual(['mail.unencrypted-login']);
    expect(rec.facts).toMatchObject({ mailboxMessages: 5, mailboxUnread: 3, mailEncrypted: false });
    expect(JSON.stringify(rec)).not.toContain(password);
  });

  it('another folder is counted; a folder that does not exist is named', async () => {
    const orders = await runRecorded(createImapRunner(opts(tls, tls.imaps, { folder: 'Orders' })));
    expect(orders.facts).toMatchObject({ mailboxMessages: 1, mailboxUnread: 1 });
    const missing = await runRecorded(createImapRunner(opts(tls, tls.imaps, { folder: 'Invoices' })));
    expect(missing.codes).toEqual(['mail.folder.missing']);
    expect(missing.findings[0]?.message).toContain('"Invoices"');
    expect(missing.findings[0]?.whereToFix).toBe('iflow-adapter');
  });

  it('a wrong password: dovecot’s AUTHENTICATIONFAILED, the password in no text', async () => {
    const wrong = `wrong-${randomBytes(6).toString('hex')}`;
    const rec = await runRecorded(createImapRunner(opts(tls, tls.imaps, { password: wrong })));
    expect(rec.codes).toEqual(['mail.auth.failed']);
    expect(rec.findings[0]?.literal).toBe('javax.mail.AuthenticationFailedException: NO [AUTHENTICATIONFAILED] Authentication failed.');
    expect(rec.findings[0]?.whereToFix).toBe('ci-monitor');
    expect(JSON.stringify(rec)).not.toContain(wrong);
  });

  it('Off against dovecot refusing plain-text logins: LOGINDISABLED, no password sent', async () => {
    const rec = await runRecorded(createImapRunner(opts(strict, strict.imap, { protection: 'off' })));
    expect(rec.codes).toEqual(['mail.plaintext-disabled']);
    expect(rec.facts.imapCapabilities).toContain('LOGINDISABLED');
    expect(rec.findings[0]?.fix).toMatch(/STARTTLS/);
    expect(sent(rec, /LOGIN|AUTHENTICATE/)).toBe(false);
  });

  it('STARTTLS against a server without TLS; SSL/TLS on a plain-text port', async () => {
    const missing = await runRecorded(createImapRunner(opts(open, open.imap, { protection: 'starttls' })));
    expect(missing.codes).toEqual(['mail.starttls.missing']);
    expect(missing.findings[0]?.literal).toMatch(/STARTTLS is required but host does not support STARTTLS/);
    expect(sent(missing, /LOGIN|AUTHENTICATE/)).toBe(false);
    const notTls = await runRecorded(createImapRunner(opts(tls, tls.imap, { protection: 'tls' })));
    expect(notTls.codes).toEqual(['mail.implicit.not-tls']);
  });

  it('a root missing from the CI keystore: PKIX, and no password is sent (SSL/TLS and STARTTLS)', async () => {
    const other = new X509Certificate(pki.otherRoot.certPem);
    const trust = { local: [other], localRole: 'info' as const, ciKeystore: [other] };
    for (const [protection, port] of [['tls', tls.imaps], ['starttls', tls.imap]] as const) {
      const rec = await runRecorded(createImapRunner(opts(tls, port, { protection, trust })));
      expect(rec.codes).toContain('mail.tls.untrusted');
      expect(rec.codes.some((c) => c.startsWith('tls.pkix'))).toBe(true);
      expect(sent(rec, /LOGIN|AUTHENTICATE/)).toBe(false);
    }
  });
});

describe('pop3 probe against dovecot', () => {
  it('SSL/TLS: login, STAT counts 5 messages; no unread count, because POP3 has none; nothing changed', async () => {
    const before = tls.messageFiles().filter((f) => /:2,.*S/.test(f)).length;
    const rec = await runRecorded(createPop3Runner(opts(tls, tls.pop3s)));
    expect(rec.error).toBeUndefined();
    expect(ids(rec)).toEqual(['connect', 'tls', 'certificates', 'greeting', 'capability', 'auth', 'folder', 'content']);
    expect(rec.facts.mailboxMessages).toBe(5);
    expect(rec.facts.mailboxUnread).toBeUndefined();
    expect(rec.steps.find((s) => s.id === 'content')?.detail).toMatch(/no read\/unread flag/);
    expect(rec.steps.find((s) => s.id === 'folder')?.status).toBe('skipped');
    expect(sent(rec, /^> (RETR|TOP|DELE)/)).toBe(false);
    expect(JSON.stringify(rec)).not.toContain(password);
    expect(seenFlags(tls)).toBe(before);
  });

  it('STLS upgrades before the login', async () => {
    const rec = await runRecorded(createPop3Runner(opts(tls, tls.pop3, { protection: 'starttls' })));
    expect(rec.error).toBeUndefined();
    expect(ids(rec)).toContain('capability-tls');
    expect(rec.steps.find((s) => s.id === 'auth')?.detail).toMatch(/^AUTH PLAIN accepted/);
  });

  it('Off against a server that allows it: USER/PASS or AUTH PLAIN in plain text, with the warning', async () => {
    const rec = await runRecorded(createPop3Runner(opts(open, open.pop3, { protection: 'off' })));
    expect(rec.error).toBeUndefined();
    expect(rec.codes).toEqual(['mail.unencrypted-login']);
    expect(rec.facts.mailboxMessages).toBe(5);
  });

  it('a wrong password: [AUTH] Authentication failed.', async () => {
    const rec = await runRecorded(createPop3Runner(opts(tls, tls.pop3s, { password: 'not-it' })));
    expect(rec.codes).toEqual(['mail.auth.failed']);
    expect(rec.findings[0]?.literal).toBe('javax.mail.AuthenticationFailedException: [AUTH] Authentication failed.');
  });

  it('Off against dovecot refusing plain-text logins: its own words, before any password', async () => {
    const rec = await runRecorded(createPop3Runner(opts(strict, strict.pop3, { protection: 'off' })));
    expect(rec.codes).toEqual(['mail.plaintext-disabled']);
    expect(rec.findings[0]?.literal).toBe('-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.');
    expect(sent(rec, /^> (PASS|AUTH)/)).toBe(false);
  });

  it('STLS against a server without TLS', async () => {
    const rec = await runRecorded(createPop3Runner(opts(open, open.pop3, { protection: 'starttls' })));
    expect(rec.codes).toEqual(['mail.starttls.missing']);
    expect(rec.findings[0]?.literal).toMatch(/STLS/);
  });
});

describe('mailbox probes through the engine: refused, silent, cancelled', () => {
  // Accepts and never answers: the probe must end by its deadline or its cancel.
  let silent: HostilePeer;
  beforeAll(async () => {
    silent = await startHostilePeer('silent');
  });
  afterAll(() => silent.stop());
  const engine = createProbeEngine({ redactor: createRedactor(), log: createLogger(() => {}, createRedactor()) });

  it('nothing listening: connection refused, named with the host and port', async () => {
    const port = await freePort();
    const r = await engine.run({ kind: 'imap', target: { host: '127.0.0.1', port }, runner: createImapRunner({ ...opts(tls, port), host: '127.0.0.1' }) });
    expect(r.verdict).toBe('failed');
    expect(r.findings.map((f) => f.code)).toEqual(['net.refused']);
    expect(r.findings[0]?.message).toContain(`127.0.0.1:${port}`);
  });

  it('a silent server: timed out at the greeting (IMAP and POP3); a cancel ends the probe as cancelled', async () => {
    const port = silent.port;
    for (const [kind, make] of [['imap', createImapRunner], ['pop3', createPop3Runner]] as const) {
      const r = await engine.run({ kind, target: { host: '127.0.0.1', port }, runner: make({ ...opts(tls, port), host: '127.0.0.1', protection: 'off' }), deadlineMs: 600 });
      expect(r.verdict).toBe('timed-out');
      expect(r.findings.map((f) => f.code)).toContain('probe.timed-out');
      expect(r.steps.find((s) => s.id === 'greeting')?.status).toBe('failed');
    }
    const controller = new AbortController();
    const running = engine.run({ kind: 'imap', target: { host: '127.0.0.1', port }, runner: createImapRunner({ ...opts(tls, port), host: '127.0.0.1', protection: 'tls' }), deadlineMs: 5_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    expect((await running).verdict).toBe('cancelled');
  });
});
