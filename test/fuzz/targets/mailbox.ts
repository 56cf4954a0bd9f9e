/**
 * What a mailbox server says to the IMAP and POP3 probes (the Mail sender adapter's dialogue): the
 * whole runner, protection Off, against a loopback peer that plays a script of answers — the
 * greeting, then one answer per command line the probe sends — and closes with its last answer.
 * The script is one text whose answers are parted by \u0001, so mutation adds, drops and splits
 * answers as well as bytes inside them.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { createImapRunner } from '../../../main/services/probes/mailbox/imap-runner';
import { createPop3Runner } from '../../../main/services/probes/mailbox/pop3-runner';
import type { MailboxProbeOptions } from '../../../main/services/probes/mailbox/mailbox-types';
import type { ProbeRunner } from '../../../main/services/probes/engine-types';
import { INPUT_BUDGET_MS, type FuzzTarget } from '../fuzz-types';
import { mutatedText } from '../mutate';
import { probeContext } from './wire';

const NEXT = '\u0001';
const script = (...answers: string[]) => answers.join(NEXT);

const IMAP = [
  script(
    '* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN] Dovecot (Debian) ready.\r\n',
    '* CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN\r\nL1 OK Pre-login capabilities listed, post-login capabilities have more.\r\n',
    'L2 OK [CAPABILITY IMAP4rev1 SASL-IR SORT THREAD=REFERENCES MOVE] Logged in\r\n',
    '* LIST (\\HasNoChildren) "." INBOX\r\nL3 OK List completed (0.001 + 0.000 secs).\r\n',
    '* STATUS INBOX (MESSAGES 5 UNSEEN 3)\r\nL4 OK Status completed (0.001 + 0.000 secs).\r\n',
    '* BYE Logging out\r\nL5 OK Logout completed.\r\n',
  ),
  script('* OK IMAP4rev1 Service Ready\r\n', '* CAPABILITY IMAP4rev1 AUTH=LOGIN\r\nL1 OK CAPABILITY completed\r\n', '+ VXNlcm5hbWU6\r\n', '+ UGFzc3dvcmQ6\r\n', 'L2 OK LOGIN completed\r\n', '* LIST () "/" {5}\r\nINBOX\r\nL3 OK LIST completed\r\n', '* STATUS "INBOX" (MESSAGES 12 UNSEEN 0)\r\nL4 OK STATUS completed\r\n'),
  script('* OK ready\r\n', '* CAPABILITY IMAP4rev1 LOGINDISABLED STARTTLS\r\nL1 OK done\r\n'),
  script('* OK ready\r\n', '* CAPABILITY IMAP4rev1\r\nL1 OK done\r\n', 'L2 NO [AUTHENTICATIONFAILED] Authentication failed.\r\n'),
  script('* OK ready\r\n', '* CAPABILITY IMAP4rev1\r\nL1 OK done\r\n', 'L2 OK LOGIN completed\r\n', 'L3 OK no such folder\r\n'),
];
const IMAP_TOKENS = [NEXT, '\r\n', '\n', '* ', 'L1 ', 'L2 OK ', 'L3 NO ', '+ ', '{99999}\r\n', '{3}\r\n', '[CAPABILITY ', ']', ' AUTH=PLAIN', ' SASL-IR', ' LOGINDISABLED', '(\\Noselect)', 'MESSAGES 4294967296 ', '"', '\u0000'];

const POP3 = [
  script(
    '+OK Dovecot (Debian) ready.\r\n',
    '+OK\r\nCAPA\r\nTOP\r\nUIDL\r\nRESP-CODES\r\nPIPELINING\r\nAUTH-RESP-CODE\r\nUSER\r\nSASL PLAIN\r\n.\r\n',
    '+OK Logged in.\r\n',
    '+OK 5 1510\r\n',
    '+OK Logging out.\r\n',
  ),
  script('+OK POP3 server ready\r\n', '+OK\r\nUSER\r\n.\r\n', '+OK\r\n', '+OK Logged in.\r\n', '+OK 0 0\r\n'),
  script('+OK ready\r\n', '-ERR unknown command\r\n', '+OK\r\n', '-ERR [AUTH] Authentication failed.\r\n'),
  script('+OK ready\r\n', '+OK\r\nSASL LOGIN\r\n.\r\n', '+ VXNlcm5hbWU6\r\n', '+ UGFzc3dvcmQ6\r\n', '+OK Logged in.\r\n', '+OK 3 4096\r\n'),
  script('+OK ready\r\n', '+OK\r\nUSER\r\n.\r\n', '-ERR [AUTH] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.\r\n'),
];
const POP3_TOKENS = [NEXT, '\r\n', '\n', '.\r\n', '+OK ', '-ERR ', '+ ', 'SASL ', 'PLAIN', 'LOGIN', 'STLS', '+OK 99999999999999999999 1\r\n', '\u0000'];

/** A peer that plays the current script: the first answer on connect, the next after each line it reads. */
async function scriptedPeer(current: () => string): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => {});
    const answers = current().split(NEXT);
    // The last answer ends the connection: a reader must then finish on what it has (a wait for
    // more after the end would be a hang; a silent peer is the hostile-peer catalogue's case).
    const next = () => {
      const a = answers.shift();
      if (a === undefined) return;
      if (answers.length === 0 || a === '') s.end(Buffer.from(a, 'latin1'));
      else s.write(Buffer.from(a, 'latin1'));
    };
    let pending = '';
    s.on('data', (d: Buffer) => {
      pending += d.toString('latin1');
      for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
        pending = pending.slice(nl + 1);
        next();
      }
    });
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * A script whose answer the probe reads as incomplete (a line without its end, a CAPA list without
 * its ".") leaves both sides waiting, as a stalled server does: the probe's deadline ends it. Kept
 * short so such inputs cost little; the CPU budget per input is unchanged.
 */
const DEADLINE_MS = Math.min(300, INPUT_BUDGET_MS);

function mailboxTarget(name: string, seeds: string[], tokens: string[], runner: (o: MailboxProbeOptions) => ProbeRunner): FuzzTarget<string> {
  return {
    name,
    async setup() {
      let current = '';
      const peer = await scriptedPeer(() => current);
      return {
        arbitrary: mutatedText({ seeds, tokens }),
        run: async (input) => {
          current = input;
          const signal = AbortSignal.timeout(DEADLINE_MS);
          const opts: MailboxProbeOptions = { host: '127.0.0.1', port: peer.port, protection: 'off', route: { kind: 'direct' }, trust: { local: [], localRole: 'info', ciKeystore: [] }, user: 'fuzz', password: 'fuzz-password' };
          try {
            await runner(opts)(probeContext(signal));
          } catch (e) {
            // The engine turns its deadline into the probe's timeout finding; here it is named alike.
            if (signal.aborted && e === signal.reason) throw Object.assign(new Error('the probe reached its deadline'), { code: 'probe.timed-out' });
            throw e;
          }
        },
        close: () => peer.close(),
      };
    },
  };
}

export const imapDialogueTarget = mailboxTarget('IMAP dialogue (whole mailbox probe)', IMAP, IMAP_TOKENS, createImapRunner);
export const pop3DialogueTarget = mailboxTarget('POP3 dialogue (whole mailbox probe)', POP3, POP3_TOKENS, createPop3Runner);
