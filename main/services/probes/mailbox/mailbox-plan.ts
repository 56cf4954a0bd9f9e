/**
 * A modelled mailbox pathway (Mail sender adapter over IMAP or POP3) → its probe: port 993 / 995
 * for SSL/TLS, 143 / 110 otherwise; the user and password from the vault (the adapter always logs
 * in). The runner loads only when a mailbox probe runs.
 */
import type { PathwayPlanner } from '../pathway-plan';
import { planCiClientProbe } from '../ci-client-plan';
import { mailboxDefaultPort, type MailboxProtocol } from './mailbox-types';

function mailboxPlanner(protocol: MailboxProtocol): PathwayPlanner {
  return (l, p, deps) => {
    const mailbox = p.mailbox ?? { protection: 'tls' as const };
    return planCiClientProbe(l, p, deps, {
      kind: protocol,
      defaultPort: mailboxDefaultPort(protocol, mailbox.protection),
      authenticates: true,
      run: async (ctx, at) => {
        const opts = { ...at, protection: mailbox.protection, user: at.user ?? '', password: at.password ?? '', now: deps.now };
        if (protocol === 'imap') {
          const { createImapRunner } = await import('./imap-runner');
          await createImapRunner({ ...opts, ...(mailbox.folder ? { folder: mailbox.folder } : {}) })(ctx);
        } else {
          const { createPop3Runner } = await import('./pop3-runner');
          await createPop3Runner(opts)(ctx);
        }
      },
    });
  };
}

export const planImapProbe = mailboxPlanner('imap');
export const planPop3Probe = mailboxPlanner('pop3');
