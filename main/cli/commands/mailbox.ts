/**
 * `landscape imap` and `landscape pop3`: the mailbox probes as CI's Mail sender adapter meets the
 * server (Protection STARTTLS / SSL/TLS / Off, the chain judged with `--ca` as the CI keystore,
 * the login, the folder, total and unread counts — read without changing any flag).
 */
import { stringFlag, UsageError, type CommandDef } from '../command';
import { createImapRunner } from '../../services/probes/mailbox/imap-runner';
import { createPop3Runner } from '../../services/probes/mailbox/pop3-runner';
import { mailboxDefaultPort, type MailboxProtection, type MailboxProtocol } from '../../services/probes/mailbox/mailbox-types';
import { COMMON_FLAGS, COMMON_USAGE, ciTrust, oneOf, runCiClientProbe, targetOf, userPassword } from './ci-client-cli';

const PROTECTIONS: MailboxProtection[] = ['starttls', 'tls', 'off'];

function mailboxCommand(protocol: MailboxProtocol, summary: string): CommandDef {
  return {
    name: protocol,
    uses: ['routes'],
    summary,
    usage: `landscape ${protocol} HOST:PORT --protection starttls|tls|off --user U --password-env VAR [--folder F] [--ca FILE] ${COMMON_USAGE}`,
    valueFlags: ['protection', 'folder', ...COMMON_FLAGS],
    async run(args, ctx) {
      const protection = oneOf(args, 'protection', PROTECTIONS);
      const at = targetOf(args, mailboxDefaultPort(protocol, protection));
      const trust = ciTrust(args);
      const { user, password } = await userPassword(args, ctx, true);
      const folder = stringFlag(args, 'folder');
      if (protocol === 'pop3' && folder !== undefined && folder.toUpperCase() !== 'INBOX') throw new UsageError('POP3 has only the inbox: leave --folder out');
      const opts = { ...at, protection, trust, user: user ?? '', password: password ?? '', now: ctx.services.now };
      return runCiClientProbe(args, ctx, {
        kind: protocol,
        at,
        title: `${protocol.toUpperCase()} ${at.host}:${at.port} (${protection})`,
        runner: (route) => (protocol === 'imap' ? createImapRunner({ ...opts, route, ...(folder ? { folder } : {}) }) : createPop3Runner({ ...opts, route })),
      });
    },
  };
}

export const imapCommand = mailboxCommand('imap', 'IMAP probe as CI’s Mail sender adapter meets the server: STARTTLS or SSL/TLS and chain, login, folder, total and unread counts — changes no flag');
export const pop3Command = mailboxCommand('pop3', 'POP3 probe as CI’s Mail sender adapter meets the server: STLS or SSL/TLS and chain, login, message count — reads and deletes nothing');
