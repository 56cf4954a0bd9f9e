/**
 * The IMAP probe as CI's Mail sender adapter and IMAP connectivity test meet the server: SSL/TLS or
 * STARTTLS with the chain judged against the modelled CI keystore, the login, the folder (LIST),
 * and "Check Mailbox Content": total and unread counts by STATUS, which selects nothing and so
 * changes no flag (no SELECT, no FETCH). The dialogue is our own (see ARCHITECTURE.md).
 */
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext, ProbeRunner } from '../engine-types';
import { openRoute } from '../net/connect';
import { releaseSockets } from '../net/socket-io';
import { ProbeFailure } from '../probe-failure';
import { capabilitiesIn, encodeFolderName, ImapDialogue, quoted, statusCounts } from './imap-dialogue';
import { imapLogin } from './imap-login';
import { MailLines } from './mail-lines';
import { secureMailbox } from './mailbox-tls';
import type { MailboxProbeOptions } from './mailbox-types';

const STARTTLS_MISSING = 'javax.mail.MessagingException: STARTTLS is required but host does not support STARTTLS';

async function capabilities(ctx: ProbeContext, imap: ImapDialogue, id: string, label: string): Promise<string[]> {
  return ctx.step(id, label, async (mark) => {
    const r = await imap.command('CAPABILITY');
    if (r.status !== 'OK') throw new ProbeFailure(diagnose('mail.unexpected', { protocol: 'IMAP', command: 'CAPABILITY', reply: r.text }));
    const caps = capabilitiesIn(r.untagged);
    ctx.fact(id === 'capability' ? 'imapCapabilities' : 'imapCapabilitiesAfterTls', caps);
    mark.detail(caps.join(' ') || 'none');
    return caps;
  });
}

async function folderStep(ctx: ProbeContext, imap: ImapDialogue, folder: string): Promise<string> {
  return ctx.step('folder', `Folder ${folder}`, async (mark) => {
    if (/[\r\n\0]/.test(folder)) throw new ProbeFailure(diagnose('mail.folder.missing', { folder: JSON.stringify(folder), reply: 'a folder name cannot hold a line break' }));
    const name = quoted(folder.toUpperCase() === 'INBOX' ? 'INBOX' : encodeFolderName(folder));
    const r = await imap.command(`LIST "" ${name}`);
    if (r.status !== 'OK') throw new ProbeFailure(diagnose('mail.folder.missing', { folder, reply: r.text }));
    const listed = r.untagged.find((l) => /^\* LIST /i.test(l));
    if (!listed || /\\NonExistent/i.test(listed)) throw new ProbeFailure(diagnose('mail.folder.missing', { folder, reply: 'LIST finds no folder of that name' }));
    if (/\\Noselect/i.test(listed)) throw new ProbeFailure(diagnose('mail.folder.missing', { folder, reply: 'the server lists it as \\Noselect: it holds only subfolders, no messages' }));
    mark.detail('exists');
    return name;
  });
}

async function contentStep(ctx: ProbeContext, imap: ImapDialogue, folder: string, name: string): Promise<void> {
  await ctx.step('content', 'Check mailbox content', async (mark) => {
    // STATUS reads the counts without selecting the folder: no \Seen, no \Recent is touched.
    const r = await imap.command(`STATUS ${name} (MESSAGES UNSEEN)`);
    if (r.status !== 'OK') {
      if (/\[NONEXISTENT\]/i.test(r.text)) throw new ProbeFailure(diagnose('mail.folder.missing', { folder, reply: r.text }));
      throw new ProbeFailure(diagnose('mail.status.failed', { folder, reply: r.text }));
    }
    const counts = statusCounts(r.untagged);
    if (counts.messages === undefined) throw new ProbeFailure(diagnose('mail.status.failed', { folder, reply: 'STATUS answered without a message count' }));
    ctx.fact('mailboxMessages', counts.messages);
    if (counts.unseen !== undefined) ctx.fact('mailboxUnread', counts.unseen);
    mark.detail(`${counts.messages} message${counts.messages === 1 ? '' : 's'}${counts.unseen !== undefined ? `, ${counts.unseen} unread` : ''} in ${folder} (read without changing any flag)`);
  });
}

export function createImapRunner(opts: MailboxProbeOptions): ProbeRunner {
  return async (ctx) => {
    ctx.secret(opts.password);
    ctx.fact('mailProtection', opts.protection);
    const tcp = await openRoute(ctx, opts.route, opts.host, opts.port);
    const lines = new MailLines(tcp, ctx, 'IMAP');
    const imap = new ImapDialogue(lines);
    try {
      if (opts.protection === 'tls') await secureMailbox(ctx, lines, tcp, opts);
      await ctx.step('greeting', 'Greeting', async (mark) => {
        const g = await imap.greeting();
        if (!/^\* (OK|PREAUTH)\b/i.test(g)) throw new ProbeFailure(diagnose('mail.greeting', { host: opts.host, port: opts.port, protocol: 'IMAP', reply: g || 'nothing' }));
        ctx.fact('imapGreeting', g.replace(/\[[^\]]*\]\s*/, ''));
        mark.detail(g.replace(/\[[^\]]*\]\s*/, ''));
      });
      let caps = await capabilities(ctx, imap, 'capability', 'CAPABILITY');
      if (opts.protection === 'starttls') {
        await ctx.step('starttls', 'STARTTLS', async (mark) => {
          if (!caps.includes('STARTTLS')) throw new ProbeFailure(diagnose('mail.starttls.missing', { protocol: 'IMAP', command: 'STARTTLS', literal: STARTTLS_MISSING }));
          const r = await imap.command('STARTTLS');
          if (r.status !== 'OK') throw new ProbeFailure(diagnose('mail.starttls.refused', { protocol: 'IMAP', command: 'STARTTLS', reply: r.text }));
          mark.detail(r.text);
        });
        await secureMailbox(ctx, lines, tcp, opts);
        caps = await capabilities(ctx, imap, 'capability-tls', 'CAPABILITY after TLS');
      } else if (opts.protection === 'off' && caps.includes('STARTTLS')) {
        ctx.log('the server offers STARTTLS; protection Off does not use it');
      }
      ctx.fact('mailEncrypted', opts.protection !== 'off');
      await imapLogin(ctx, imap, caps, { user: opts.user, password: opts.password, encrypted: opts.protection !== 'off' });
      const folder = opts.folder?.trim() || 'INBOX';
      const name = await folderStep(ctx, imap, folder);
      await contentStep(ctx, imap, folder, name);
      // Not waited for: a server that never answers LOGOUT must not turn a passed probe into a timeout.
      imap.send('LOGOUT');
    } finally {
      releaseSockets(lines.socket, tcp);
    }
  };
}
