/**
 * What peers send: SMTP replies, IMAP answers, SSH identification banners, HTTP status lines and headers. SMTP, IMAP and
 * HTTP go through the probes' own readers (SmtpChannel.read, exchange) over an in-memory socket that
 * delivers the input in pieces and then ends; the SSH banner goes to ssh2 (as the SFTP probe and the
 * host-key scan use it) from a loopback server that sends the input and closes.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import fc from 'fast-check';
import type { ProbeContext } from '../../../main/services/probes/engine-types';
import { exchange } from '../../../main/services/probes/https/http-exchange';
import { openSshSession } from '../../../main/services/probes/sftp/ssh-session';
import { authMechanisms, capabilitiesOf, offersStarttls, SmtpChannel } from '../../../main/services/probes/smtp/smtp-channel';
import { capabilitiesIn, ImapDialogue, statusCounts } from '../../../main/services/probes/mailbox/imap-dialogue';
import { MailLines } from '../../../main/services/probes/mailbox/mail-lines';
import { INPUT_BUDGET_MS, type FuzzTarget } from '../fuzz-types';
import { mutatedText } from '../mutate';

export function probeContext(signal: AbortSignal): ProbeContext {
  return {
    signal,
    deadlineAt: Date.now() + INPUT_BUDGET_MS,
    step: (_id, _label, run) => run({ warn() {}, skip() {}, detail() {} } as never),
    finding() {},
    log() {},
    secret() {},
    fact() {},
    setChain() {},
    setRoute() {},
  };
}

/** A socket stand-in: writes are dropped, the input arrives in up to three pieces, then the end. */
function peerSocket(input: string, cut: number): Socket {
  const bytes = Buffer.from(input, 'latin1');
  const a = Math.floor(bytes.length * cut);
  const b = Math.floor((bytes.length + a) / 2);
  const pieces = [bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)].filter((p) => p.length);
  const d = new Duplex({
    read() {},
    write(_chunk, _enc, cb) {
      cb();
    },
  });
  setImmediate(() => {
    for (const p of pieces) d.push(p);
    d.push(null);
  });
  return d as unknown as Socket;
}

const withCut = (text: fc.Arbitrary<string>) => fc.tuple(text, fc.double({ min: 0, max: 1, noNaN: true }));

const EHLO = ['220 mail.example.com ESMTP Postfix\r\n', '250-mail.example.com\r\n250-PIPELINING\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250-AUTH PLAIN LOGIN CRAM-MD5\r\n250-AUTH=PLAIN LOGIN\r\n250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n', '535 5.7.8 Error: authentication failed\r\n', '421 4.7.0 Try again later\n', '334 VXNlcm5hbWU6\r\n'];

export const smtpTarget: FuzzTarget<[string, number]> = {
  name: 'SMTP replies (greeting, EHLO, AUTH)',
  async setup() {
    return {
      arbitrary: withCut(mutatedText({ seeds: EHLO, tokens: ['250-', '250 ', '\r\n', '\n', 'AUTH ', 'AUTH=', 'STARTTLS', '5', ' ', '-'] })),
      run: async ([input, cut]) => {
        const signal = AbortSignal.timeout(INPUT_BUDGET_MS);
        const reply = await new SmtpChannel(peerSocket(input, cut), probeContext(signal)).read();
        const caps = capabilitiesOf(reply);
        return { code: reply.code, auth: authMechanisms(caps), starttls: offersStarttls(caps) };
      },
      close: async () => {},
    };
  },
};

const HTTP = [
  'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
  'HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm="CPI"\r\nContent-Length: 0\r\n\r\n',
  'HTTP/1.1 302 Found\r\nLocation: https://login.example.com/saml\r\nSet-Cookie: a=b\r\n\r\n',
  'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nWiki\r\n0\r\n\r\n',
  'HTTP/1.0 503 Service Unavailable\r\nRetry-After: 120\r\n\r\n',
];

export const httpTarget: FuzzTarget<[string, number]> = {
  name: 'HTTP status line and headers',
  async setup() {
    return {
      arbitrary: withCut(mutatedText({ seeds: HTTP, tokens: ['\r\n', '\r\n\r\n', 'Content-Length: 99999999999\r\n', 'Transfer-Encoding: chunked\r\n', 'ffffffff\r\n', ': ', 'HTTP/1.1 ', '\n', '\u0000'] })),
      run: ([input, cut]) => {
        const signal = AbortSignal.timeout(INPUT_BUDGET_MS);
        return exchange(probeContext(signal), peerSocket(input, cut), { method: 'GET', host: 'peer.example.com', port: 443, path: '/' });
      },
      close: async () => {},
    };
  },
};

const BANNERS = ['SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n', 'SSH-2.0-dropbear_2022.83\r\n', 'SSH-1.99-Cisco-1.25\r\n', 'Authorised users only\r\nSSH-2.0-SFTPGo_2.5\r\n', 'SSH-2.0-AsyncSSH_2.14.0\n'];

export const sshBannerTarget: FuzzTarget<string> = {
  name: 'SSH identification banner',
  acceptsNone: 'the peer closes after its banner, so every attempt ends in a typed SSH failure',
  async setup() {
    let current = '';
    const sockets = new Set<Socket>();
    const server: Server = createServer((s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
      s.resume();
      s.end(Buffer.from(current, 'latin1'));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    return {
      arbitrary: mutatedText({ seeds: BANNERS, tokens: ['SSH-2.0-', 'SSH-1.99-', 'SSH-1.5-', '\r\n', '\n', '\u0000', ' ', '-'] }),
      run: async (input) => {
        current = input;
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), INPUT_BUDGET_MS);
        try {
          await openSshSession({ host: '127.0.0.1', port, deadlineAt: Date.now() + INPUT_BUDGET_MS, signal: controller.signal, acceptHostKey: () => false, auth: [], log: () => {} });
        } finally {
          clearTimeout(timer);
        }
      },
      close: async () => {
        for (const s of sockets) s.destroy();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      },
    };
  },
};

const IMAP = [
  '* CAPABILITY IMAP4rev1 SASL-IR LITERAL+ STARTTLS AUTH=PLAIN AUTH=LOGIN LOGINDISABLED\r\nL1 OK Pre-login capabilities listed.\r\n',
  '* LIST (\\HasNoChildren) "." {9}\r\nOrders {1\r\nL1 OK List completed.\r\n',
  '* STATUS "INBOX" (MESSAGES 12 UNSEEN 3)\r\nL1 OK Status completed.\r\n',
  '* BAD [ALERT] Plaintext authentication not allowed\r\nL1 NO [PRIVACYREQUIRED] Plaintext authentication disallowed.\r\n',
  '+ \r\n',
];

/** IMAP answers through the probe's own reader (tagged end, literals skipped by count) and its parsers. */
export const imapTarget: FuzzTarget<[string, number]> = {
  name: 'IMAP answers (CAPABILITY, LIST, STATUS, literals)',
  async setup() {
    return {
      arbitrary: withCut(mutatedText({ seeds: IMAP, tokens: ['L1 OK ', 'L1 NO ', '* ', '{9}\r\n', '{99999999999}\r\n', '{3+}\r\n', '\r\n', '\n', '(', ')', '"', 'MESSAGES ', 'UNSEEN ', '[CAPABILITY '] })),
      run: async ([input, cut]) => {
        const ctx = probeContext(AbortSignal.timeout(INPUT_BUDGET_MS));
        const answer = await new ImapDialogue(new MailLines(peerSocket(input, cut), ctx, 'IMAP')).command('CAPABILITY', 'CAPABILITY', true);
        return { status: answer.status, caps: capabilitiesIn(answer.untagged), counts: statusCounts(answer.untagged) };
      },
      close: async () => {},
    };
  },
};
