/**
 * The POP3 probe as CI's Mail sender adapter and POP3 connectivity test meet the server: POP3S
 * (SSL/TLS) or STLS with the chain judged against the modelled CI keystore, the login (AUTH PLAIN
 * or AUTH LOGIN when the server lists them under SASL, else USER/PASS, as JavaMail does), and
 * "Check Mailbox Content" by STAT: the message count and size. POP3 has no read/unread flag and
 * only the inbox; the probe never sends RETR, TOP or DELE, so nothing in the mailbox changes.
 */
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext, ProbeRunner } from '../engine-types';
import { openRoute } from '../net/connect';
import { releaseSockets } from '../net/socket-io';
import { ProbeFailure } from '../probe-failure';
import { firstLine, MailLines, type AnswerEnd } from './mail-lines';
import { secureMailbox } from './mailbox-tls';
import type { MailboxProbeOptions } from './mailbox-types';

const STLS_MISSING = 'javax.mail.MessagingException: STLS is required but host does not support STLS';
const POP3 = { protocol: 'POP3' };
const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

/** A multi-line answer (+OK … then a line holding only "."), or a single -ERR line. */
export function multiLine(): AnswerEnd {
  const single = firstLine();
  let scan = 0;
  return (text) => {
    if (text.length < 3) return undefined;
    if (!text.startsWith('+OK')) return single(text);
    for (;;) {
      const i = text.indexOf('\n', scan);
      if (i === -1) {
        scan = text.length;
        return undefined;
      }
      const next = text.slice(i + 1, i + 4);
      if (/^\.\r?\n/.test(next)) return i + 1 + (next[1] === '\r' ? 3 : 2);
      // Too few bytes after this line end to tell whether the "." line follows: look again later.
      if (/^(\.\r?)?$/.test(next)) {
        scan = i;
        return undefined;
      }
      scan = i + 1;
    }
  };
}

class Pop3 {
  constructor(readonly lines: MailLines) {}
  async single(line: string, shown = line): Promise<string> {
    this.lines.write(line, shown);
    return (await this.lines.read(firstLine()))[0] ?? '';
  }
  async capa(): Promise<string[] | undefined> {
    this.lines.write('CAPA');
    const lines = await this.lines.read(multiLine());
    return lines[0]?.startsWith('+OK') ? lines.slice(1, -1).map((l) => l.trim().toUpperCase()) : undefined;
  }
}

const ok = (reply: string): boolean => reply.startsWith('+OK');
const plaintextRefused = (reply: string): boolean => /plaintext|ssl\/tls|encrypt|secure/i.test(reply);

async function capabilities(ctx: ProbeContext, pop: Pop3, id: string): Promise<string[] | undefined> {
  return ctx.step(id, id === 'capability' ? 'CAPA' : 'CAPA after TLS', async (mark) => {
    const caps = await pop.capa();
    if (!caps) {
      mark.detail('the server does not answer CAPA (an old POP3 server)');
      return undefined;
    }
    ctx.fact(id === 'capability' ? 'pop3Capabilities' : 'pop3CapabilitiesAfterTls', caps);
    mark.detail(caps.join(', ') || 'none');
    return caps;
  });
}

async function login(ctx: ProbeContext, pop: Pop3, caps: string[] | undefined, opts: MailboxProbeOptions, encrypted: boolean): Promise<void> {
  await ctx.step('auth', 'Log in', async (mark) => {
    const sasl = (caps?.find((c) => /^SASL\b/.test(c)) ?? '').split(/\s+/).slice(1);
    ctx.fact('pop3SaslMechanisms', sasl);
    const vars = { ...POP3, user: opts.user };
    const failed = (reply: string) =>
      new ProbeFailure(!encrypted && plaintextRefused(reply) ? diagnose('mail.plaintext-disabled', { ...vars, reply, literal: reply }) : diagnose('mail.auth.failed', { ...vars, reply: reply.replace(/^-ERR\s*/, '') }));
    let reply: string;
    let how: string;
    if (sasl.includes('PLAIN')) {
      how = 'AUTH PLAIN';
      if (!encrypted) ctx.finding(diagnose('mail.unencrypted-login', vars));
      const token = b64(`\0${opts.user}\0${opts.password}`);
      ctx.secret(token);
      reply = await pop.single(`AUTH PLAIN ${token}`, 'AUTH PLAIN ***');
    } else if (sasl.includes('LOGIN')) {
      how = 'AUTH LOGIN';
      if (!encrypted) ctx.finding(diagnose('mail.unencrypted-login', vars));
      reply = await pop.single('AUTH LOGIN');
      if (reply.startsWith('+ ')) reply = await pop.single(b64(opts.user), `${b64(opts.user)} (user ${opts.user})`);
      if (reply.startsWith('+ ')) {
        const token = b64(opts.password);
        ctx.secret(token);
        reply = await pop.single(token, '***');
      }
    } else {
      // USER carries only the name: a server that refuses plain-text logins says so here, before any password.
      how = 'USER / PASS';
      reply = await pop.single(`USER ${opts.user}`);
      if (!ok(reply)) throw failed(reply);
      if (!encrypted) ctx.finding(diagnose('mail.unencrypted-login', vars));
      reply = await pop.single(`PASS ${opts.password}`, 'PASS ***');
    }
    if (!ok(reply)) throw failed(reply);
    mark.detail(`${how} accepted for ${opts.user}`);
  });
}

async function content(ctx: ProbeContext, pop: Pop3): Promise<void> {
  await ctx.step('content', 'Check mailbox content', async (mark) => {
    const reply = await pop.single('STAT');
    const m = /^\+OK (\d+) (\d+)/.exec(reply);
    if (!m) throw new ProbeFailure(diagnose('mail.unexpected', { ...POP3, command: 'STAT', reply }));
    const messages = Number(m[1]);
    ctx.fact('mailboxMessages', messages);
    ctx.fact('mailboxOctets', Number(m[2]));
    mark.detail(`${messages} message${messages === 1 ? '' : 's'} (${m[2]} bytes) in the inbox; POP3 keeps no read/unread flag, so there is no unread count`);
  });
}

export function createPop3Runner(opts: MailboxProbeOptions): ProbeRunner {
  return async (ctx) => {
    ctx.secret(opts.password);
    ctx.fact('mailProtection', opts.protection);
    const tcp = await openRoute(ctx, opts.route, opts.host, opts.port);
    const lines = new MailLines(tcp, ctx, 'POP3');
    const pop = new Pop3(lines);
    try {
      if (opts.protection === 'tls') await secureMailbox(ctx, lines, tcp, opts);
      await ctx.step('greeting', 'Greeting', async (mark) => {
        const g = (await lines.read(firstLine()))[0] ?? '';
        if (!ok(g)) throw new ProbeFailure(diagnose('mail.greeting', { host: opts.host, port: opts.port, ...POP3, reply: g || 'nothing' }));
        ctx.fact('pop3Greeting', g);
        mark.detail(g);
      });
      let caps = await capabilities(ctx, pop, 'capability');
      if (opts.protection === 'starttls') {
        await ctx.step('starttls', 'STLS', async (mark) => {
          if (!caps?.includes('STLS')) throw new ProbeFailure(diagnose('mail.starttls.missing', { ...POP3, command: 'STLS', literal: STLS_MISSING }));
          const r = await pop.single('STLS');
          if (!ok(r)) throw new ProbeFailure(diagnose('mail.starttls.refused', { ...POP3, command: 'STLS', reply: r }));
          mark.detail(r);
        });
        await secureMailbox(ctx, lines, tcp, opts);
        caps = await capabilities(ctx, pop, 'capability-tls');
      }
      ctx.fact('mailEncrypted', opts.protection !== 'off');
      await login(ctx, pop, caps, opts, opts.protection !== 'off');
      await ctx.step('folder', 'Folder', async (mark) => mark.skip('POP3 has only the inbox'));
      await content(ctx, pop);
      // Not waited for; the probe marked nothing for deletion, so the server's update state changes nothing.
      lines.write('QUIT');
    } finally {
      releaseSockets(lines.socket, tcp);
    }
  };
}
