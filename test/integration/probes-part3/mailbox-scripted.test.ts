/**
 * The mailbox diagnoses a well-configured dovecot never produces, from scripted servers on loopback
 * (plain TCP, or TLS with the test PKI): STARTTLS / STLS refused, not a mail server, no usable login
 * mechanism over TLS, STATUS refused, an unexpected answer, an answer without end, a \Noselect
 * folder — and the LOGIN command with a quoted password and AUTHENTICATE PLAIN without SASL-IR.
 */
import { X509Certificate } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createImapRunner } from '../../../main/services/probes/mailbox/imap-runner';
import { createPop3Runner } from '../../../main/services/probes/mailbox/pop3-runner';
import type { MailboxProbeOptions } from '../../../main/services/probes/mailbox/mailbox-types';
import { createTestPki, type TestPki } from '../../peers/pki';
import { runRecorded } from '../../support/probe-recorder';

/** Answers each line the client sends; `received` keeps them (the test reads what went over the wire). */
type Script = { greeting: string; answer: (line: string, tag: string) => string };
let pki: TestPki;
let root: X509Certificate;
const servers: Server[] = [];
const received: string[] = [];

beforeAll(async () => {
  pki = await createTestPki();
  root = new X509Certificate(pki.root.certPem);
});
afterEach(async () => {
  received.length = 0;
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function scripted(script: Script, tls = false): Promise<number> {
  const onSocket = (s: Socket) => {
    s.on('error', () => undefined);
    s.write(script.greeting);
    let buf = '';
    s.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      for (let i = buf.indexOf('\r\n'); i !== -1; i = buf.indexOf('\r\n')) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 2);
        received.push(line);
        s.write(script.answer(line, line.split(' ')[0] ?? ''));
      }
    });
  };
  const server = tls ? createTlsServer({ cert: pki.server.certPem + pki.intermediate.certPem, key: pki.server.keyPem }, onSocket) : createServer(onSocket);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return (server.address() as { port: number }).port;
}

const opts = (port: number, more: Partial<MailboxProbeOptions> = {}): MailboxProbeOptions => ({
  host: '127.0.0.1', port, protection: 'off', route: { kind: 'direct' }, trust: { local: [root], localRole: 'info', ciKeystore: [root] }, user: 'poller', password: 'pa"ss\\word', ...more,
});

/** An IMAP server: CAPABILITY answers `caps`; other commands as `more` says, else OK. */
function imap(caps: string, more: (cmd: string, tag: string) => string | undefined = () => undefined): Script {
  let last = '';
  return {
    greeting: '* OK scripted IMAP ready\r\n',
    answer: (line, tag) => {
      // An untagged line continues the last command (an AUTHENTICATE token): it completes it.
      if (!/^L\d+ /.test(line)) return `${last} OK authenticated\r\n`;
      last = tag;
      const cmd = line.slice(tag.length + 1).split(' ')[0]!.toUpperCase();
      const own = more(line.slice(tag.length + 1), tag);
      if (own !== undefined) return own;
      if (cmd === 'CAPABILITY') return `* CAPABILITY ${caps}\r\n${tag} OK done\r\n`;
      if (cmd === 'LIST') return `* LIST (\\HasNoChildren) "/" INBOX\r\n${tag} OK done\r\n`;
      if (cmd === 'STATUS') return `* STATUS INBOX (MESSAGES 7 UNSEEN 2)\r\n${tag} OK done\r\n`;
      return `${tag} OK done\r\n`;
    },
  };
}

describe('IMAP corners', () => {
  it('STARTTLS offered but refused: the server’s words', async () => {
    const port = await scripted(imap('IMAP4rev1 STARTTLS AUTH=PLAIN', (c, t) => (c === 'STARTTLS' ? `${t} NO [UNAVAILABLE] TLS is not configured\r\n` : undefined)));
    const rec = await runRecorded(createImapRunner(opts(port, { protection: 'starttls' })));
    expect(rec.codes).toEqual(['mail.starttls.refused']);
    expect(rec.findings[0]?.literal).toBe('NO [UNAVAILABLE] TLS is not configured');
  });

  it('not an IMAP server (an HTTP answer)', async () => {
    const port = await scripted({ greeting: 'HTTP/1.1 400 Bad Request\r\n', answer: () => '' });
    const rec = await runRecorded(createImapRunner(opts(port)));
    expect(rec.codes).toEqual(['mail.greeting']);
    expect(rec.findings[0]?.message).toContain('IMAP server (HTTP/1.1 400 Bad Request)');
  });

  it('over TLS, only XOAUTH2 and LOGINDISABLED: no usable login, no password sent', async () => {
    const port = await scripted(imap('IMAP4rev1 AUTH=XOAUTH2 LOGINDISABLED'), true);
    const rec = await runRecorded(createImapRunner(opts(port, { protection: 'tls' })));
    expect(rec.codes).toEqual(['mail.auth.no-mechanism']);
    expect(rec.findings[0]?.message).toContain('offered: XOAUTH2');
    expect(received.some((l) => /LOGIN|AUTHENTICATE/.test(l))).toBe(false);
  });

  it('the LOGIN command with a quoted password (no AUTH= offered); STATUS refused', async () => {
    const port = await scripted(imap('IMAP4rev1', (c, t) => (c.startsWith('STATUS') ? `${t} NO [SERVERBUG] Internal error\r\n` : undefined)));
    const rec = await runRecorded(createImapRunner(opts(port)));
    expect(received).toContain('L2 LOGIN "poller" "pa\\"ss\\\\word"');
    expect(rec.transcript).toContain('> L2 LOGIN "poller" ***');
    expect(rec.codes).toEqual(['mail.unencrypted-login', 'mail.status.failed']);
    expect(rec.findings[1]?.literal).toBe('NO [SERVERBUG] Internal error');
    expect(JSON.stringify(rec)).not.toContain('pa"ss');
  });

  it('AUTHENTICATE PLAIN after the server’s “+” (no SASL-IR); a \\Noselect folder is not one to poll', async () => {
    const port = await scripted(
      imap('IMAP4rev1 AUTH=PLAIN', (c, t) => {
        if (c === 'AUTHENTICATE PLAIN') return '+ \r\n';
        if (c.startsWith('LIST')) return `* LIST (\\Noselect \\HasChildren) "/" Archive\r\n${t} OK done\r\n`;
        return undefined;
      }),
    );
    const rec = await runRecorded(createImapRunner(opts(port, { folder: 'Archive' })));
    expect(received[1]).toBe('L2 AUTHENTICATE PLAIN');
    expect(Buffer.from(received[2]!.split(' ')[0]!, 'base64').toString()).toBe('\0poller\0pa"ss\\word');
    expect(rec.transcript).toContain('> ***');
    expect(rec.codes).toEqual(['mail.unencrypted-login', 'mail.folder.missing']);
    expect(rec.findings[1]?.message).toMatch(/Noselect/);
  });

  it('CAPABILITY answered BAD; an answer that never ends is cut at 64 KiB', async () => {
    const bad = await scripted(imap('', (c, t) => (c === 'CAPABILITY' ? `${t} BAD unknown command\r\n` : undefined)));
    const rec = await runRecorded(createImapRunner(opts(bad)));
    expect(rec.codes).toEqual(['mail.unexpected']);
    const endless = await scripted({ greeting: `* OK ${'x'.repeat(70_000)}`, answer: () => '' });
    const cut = await runRecorded(createImapRunner(opts(endless)));
    expect(cut.codes).toEqual(['mail.reply-too-large']);
  });
});

describe('POP3 corners', () => {
  const pop3 = (more: (line: string) => string | undefined = () => undefined): Script => ({
    greeting: '+OK scripted POP3 ready\r\n',
    answer: (line) => more(line) ?? (line === 'CAPA' ? '+OK\r\nSTLS\r\nUSER\r\n.\r\n' : line === 'STAT' ? '+OK 4 1200\r\n' : '+OK\r\n'),
  });

  it('STLS offered but refused', async () => {
    const port = await scripted(pop3((l) => (l === 'STLS' ? '-ERR TLS support not configured\r\n' : undefined)));
    const rec = await runRecorded(createPop3Runner(opts(port, { protection: 'starttls' })));
    expect(rec.codes).toEqual(['mail.starttls.refused']);
    expect(rec.findings[0]?.literal).toBe('-ERR TLS support not configured');
  });

  it('USER/PASS in plain text; STAT refused is named', async () => {
    const port = await scripted(pop3((l) => (l === 'STAT' ? '-ERR mailbox is locked by another session\r\n' : undefined)));
    const rec = await runRecorded(createPop3Runner(opts(port)));
    expect(received).toContain('PASS pa"ss\\word');
    expect(rec.transcript).toContain('> PASS ***');
    expect(rec.codes).toEqual(['mail.unencrypted-login', 'mail.unexpected']);
    expect(rec.findings[1]?.message).toContain('STAT');
  });

  it('not a POP3 server', async () => {
    const port = await scripted({ greeting: 'SSH-2.0-OpenSSH_9.2\r\n', answer: () => '' });
    const rec = await runRecorded(createPop3Runner(opts(port)));
    expect(rec.codes).toEqual(['mail.greeting']);
  });
});
