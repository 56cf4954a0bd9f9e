/**
 * The hostile peer catalogue: every kind of bad peer a consultant's probe can meet, each a small
 * loopback server (test/peers/hostile-catalogue.ts), each probed through the real engine and runner
 * with a short deadline. Every probe must end within its deadline + 10 %, name the right cause, and
 * read no more than the stated cap (counted on the client's sockets). The deadline is a timer: on a
 * loaded machine the timer itself fires late, so the time this process was kept from running (the
 * event loop's worst delay during the probe) is added to the bound — a probe that waits for the
 * peer instead of its deadline still fails, by seconds.
 */
import net from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createHash, X509Certificate } from 'node:crypto';
import { utils } from 'ssh2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, createRedactor } from '../../../main/services/logger';
import { createProbeEngine } from '../../../main/services/probes/engine';
import type { ProbeRunner } from '../../../main/services/probes/engine-types';
import { createAmqpRunner } from '../../../main/services/probes/amqp/amqp-runner';
import { createHttpsRunner } from '../../../main/services/probes/https-probe';
import { createSftpRunner } from '../../../main/services/probes/sftp/sftp-runner';
import { createSmtpRunner } from '../../../main/services/probes/smtp/smtp-runner';
import { createImapRunner } from '../../../main/services/probes/mailbox/imap-runner';
import { createPop3Runner } from '../../../main/services/probes/mailbox/pop3-runner';
import { createTlsRunner } from '../../../main/services/probes/tls-probe';
import type { ProbeResult } from '../../../shared/probe/probe-types';
import * as peers from '../../peers/hostile-catalogue';
import { startSsh2Server, type Ssh2Peer } from '../../peers/ssh2-server';

const DEADLINE = 1500;
const KB = 1024;
const engine = createProbeEngine({ redactor: createRedactor(), log: createLogger(() => {}, createRedactor()) });

// Every client socket the probes open (ssh2 and net.connect both end in Socket#connect).
const clientSockets: net.Socket[] = [];
const realConnect = net.Socket.prototype.connect;
beforeAll(() => {
  net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
    clientSockets.push(this);
    return (realConnect as (...a: unknown[]) => net.Socket).apply(this, args);
  } as typeof net.Socket.prototype.connect;
});
afterAll(() => {
  net.Socket.prototype.connect = realConnect;
});

type Kind = 'tls' | 'https' | 'sftp' | 'smtp' | 'amqp' | 'imap' | 'pop3';
interface Entry {
  name: string;
  kind: Kind;
  /** Bytes the probe may read from this peer: the cap that applies, plus one socket read (64 KB). */
  capBytes: number;
  start: () => Promise<{ port: number; stop(): Promise<void> }>;
  runner?: (port: number) => ProbeRunner;
  /** The verdict, the step it stopped at ('-': none failed), and the finding that names the cause. */
  expect: { at: string; verdict: ProbeResult['verdict']; code: string | RegExp };
}

const direct = { kind: 'direct' as const };
const tls = (port: number) => createTlsRunner({ host: '127.0.0.1', port, route: direct, trust: { local: [], localRole: 'laptop' } });
// The HTTPS peers' certificate is trusted (laptop and modelled CI keystore): their misbehaviour is HTTP's.
let httpsCert: { certPem: string; keyPem: string };
const trusted = () => [new X509Certificate(httpsCert.certPem)];
const https = (port: number, route: Parameters<typeof createHttpsRunner>[0]['route'] = direct) =>
  createHttpsRunner({ host: 'localhost', port, path: '/', direction: 'outbound', auth: { kind: 'none' }, route, trust: { local: trusted(), localRole: 'info', ciKeystore: trusted() } });
const smtp = (port: number) => createSmtpRunner({ host: '127.0.0.1', port, protection: 'starttls-mandatory', route: direct, trust: { local: [], localRole: 'info' }, auth: 'none' });
let pinnedKey = '';
const sftp = (port: number) =>
  createSftpRunner({
    host: '127.0.0.1',
    port,
    knownHosts: [],
    auth: 'password',
    user: 'u',
    password: 'pw-never-sent',
    findPin: (host, p, keyType) => (pinnedKey ? { host, port: p, keyType, fingerprint: pinnedKey, confirmedBy: 'test', confirmedHow: 'phone call', confirmedAt: new Date(0).toISOString() } : undefined),
  });
const amqp = (port: number) =>
  createAmqpRunner({ host: '127.0.0.1', port, transport: 'tcp', tls: false, address: '/amq/queue/q', role: 'sender', route: direct, trust: { local: [], localRole: 'info', ciKeystore: [] }, user: 'u', password: 'pw-never-read' });
const mailbox = (port: number) => ({ host: '127.0.0.1', port, protection: 'off' as const, route: direct, trust: { local: [], localRole: 'info' as const }, user: 'u', password: 'pw-never-sent' });
const runnerFor: Record<Kind, (port: number) => ProbeRunner> = { tls, https: (p) => https(p), sftp, smtp, amqp, imap: (p) => createImapRunner(mailbox(p)), pop3: (p) => createPop3Runner(mailbox(p)) };

let ssh: Ssh2Peer | undefined;
const catalogue: Entry[] = [
  { name: 'TLS: silent after accept', kind: 'tls', capBytes: 64 * KB, start: () => peers.raw(peers.silent), expect: { at: 'tls', verdict: 'timed-out', code: 'probe.timed-out' } },
  { name: 'TLS: trickle, one byte a second', kind: 'tls', capBytes: 64 * KB, start: () => peers.raw(peers.trickle('\x16')), expect: { at: 'tls', verdict: 'timed-out', code: 'probe.timed-out' } },
  { name: 'TLS: garbage instead of a ServerHello', kind: 'tls', capBytes: 256 * KB, start: () => peers.raw(peers.garbage), expect: { at: 'tls', verdict: 'failed', code: 'net.not-tls' } },
  { name: 'TLS: alert mid-handshake', kind: 'tls', capBytes: 64 * KB, start: () => peers.raw(peers.tlsAlertAfterHello), expect: { at: 'tls', verdict: 'failed', code: 'tls.protocol-mismatch' } },
  { name: 'TLS: a 100-certificate chain', kind: 'tls', capBytes: 164 * KB, start: async () => peers.tlsPeer(await peers.hundredCertificateChain(), () => {}), expect: { at: 'certificates', verdict: 'failed', code: 'tls.untrusted-os' } },
  { name: 'TLS: a 1 MB certificate', kind: 'tls', capBytes: 164 * KB, start: async () => peers.tlsPeer(await peers.megabyteCertificate(), () => {}), expect: { at: 'tls', verdict: 'failed', code: 'tls.handshake-failed' } },
  { name: 'HTTPS: endless headers', kind: 'https', capBytes: 320 * KB, start: () => peers.tlsPeer(httpsCert, peers.endlessHeaders), expect: { at: 'http', verdict: 'failed', code: 'http.too-large' } },
  { name: 'HTTPS: redirect loop', kind: 'https', capBytes: 64 * KB, start: redirectPeer, expect: { at: '-', verdict: 'failed', code: 'http.redirect' } },
  {
    name: 'HTTPS: proxy that never answers CONNECT',
    kind: 'https',
    capBytes: 64 * KB,
    start: () => peers.raw(peers.proxyNeverAnswers),
    runner: (port) => https(4443, { kind: 'proxy', source: 'pathway', host: '127.0.0.1', port }),
    expect: { at: 'proxy', verdict: 'timed-out', code: 'probe.timed-out' },
  },
  { name: 'SSH: silent after accept', kind: 'sftp', capBytes: 64 * KB, start: () => peers.raw(peers.silent), expect: { at: 'connect', verdict: 'timed-out', code: 'probe.timed-out' } },
  { name: 'SSH: trickle', kind: 'sftp', capBytes: 64 * KB, start: () => peers.raw(peers.trickle('S')), expect: { at: 'connect', verdict: 'timed-out', code: 'probe.timed-out' } },
  { name: 'SSH: garbage instead of the identification', kind: 'sftp', capBytes: 320 * KB, start: () => peers.raw(peers.garbage), expect: { at: 'connect', verdict: 'failed', code: 'sftp.not-ssh' } },
  {
    name: 'SSH: host key changed since it was pinned',
    kind: 'sftp',
    capBytes: 64 * KB,
    start: async () => {
      ssh = await startSsh2Server({ user: 'u', password: 'other', mode: 'password' });
      return { port: ssh.port, stop: () => ssh!.stop() };
    },
    expect: { at: 'hostkey', verdict: 'failed', code: 'sftp.hostkey.pin-mismatch' },
  },
  { name: 'SMTP: silent after accept', kind: 'smtp', capBytes: 64 * KB, start: () => peers.raw(peers.silent), expect: { at: 'banner', verdict: 'timed-out', code: 'probe.timed-out' } },
  { name: 'SMTP: garbage instead of the 220 greeting', kind: 'smtp', capBytes: 136 * KB, start: () => peers.raw(peers.garbage), expect: { at: 'banner', verdict: 'failed', code: 'smtp.reply-too-large' } },
  { name: 'SMTP: tarpit (220 after 60 s)', kind: 'smtp', capBytes: 64 * KB, start: () => peers.raw(peers.smtpTarpit(60_000)), expect: { at: 'banner', verdict: 'timed-out', code: 'probe.timed-out' } },
  { name: 'AMQP: silent after accept', kind: 'amqp', capBytes: 64 * KB, start: () => peers.raw(peers.silent), expect: { at: 'open', verdict: 'timed-out', code: 'probe.timed-out' } },
  { name: 'AMQP: trickle instead of the protocol header', kind: 'amqp', capBytes: 64 * KB, start: () => peers.raw(peers.trickle('A')), expect: { at: 'open', verdict: 'timed-out', code: 'probe.timed-out' } },
  { name: 'AMQP: garbage instead of the protocol header', kind: 'amqp', capBytes: 320 * KB, start: () => peers.raw(peers.garbage), expect: { at: 'open', verdict: 'failed', code: 'amqp.not-amqp' } },
  { name: 'IMAP: silent after accept', kind: 'imap', capBytes: 64 * KB, start: () => peers.raw(peers.silent), expect: { at: 'greeting', verdict: 'timed-out', code: 'probe.timed-out' } },
  { name: 'IMAP: garbage instead of the greeting', kind: 'imap', capBytes: 136 * KB, start: () => peers.raw(peers.garbage), expect: { at: 'greeting', verdict: 'failed', code: 'mail.reply-too-large' } },
  { name: 'IMAP: a 1 GB literal announced, bytes forever', kind: 'imap', capBytes: 136 * KB, start: () => peers.raw(peers.imapLiteralBomb), expect: { at: 'capability', verdict: 'failed', code: 'mail.reply-too-large' } },
  { name: 'POP3: trickle, one byte a second', kind: 'pop3', capBytes: 64 * KB, start: () => peers.raw(peers.trickle('+')), expect: { at: 'greeting', verdict: 'timed-out', code: 'probe.timed-out' } },
  { name: 'POP3: a CAPA answer that never ends', kind: 'pop3', capBytes: 136 * KB, start: () => peers.raw(peers.pop3EndlessCapa), expect: { at: 'capability', verdict: 'failed', code: 'mail.reply-too-large' } },
  { name: 'SMTP: a 10,000-line EHLO answer', kind: 'smtp', capBytes: 136 * KB, start: () => peers.raw(peers.smtpHugeEhlo), expect: { at: 'ehlo', verdict: 'failed', code: 'smtp.reply-too-large' } },
];

async function selfSigned() {
  const { issue } = await import('../../peers/pki');
  const c = await issue({ cn: 'localhost', sans: ['localhost', '127.0.0.1'] });
  return { certPem: c.certPem, keyPem: c.keyPem };
}
async function redirectPeer() {
  let port = 0;
  const handle = await peers.tlsPeer(httpsCert, (s) => peers.redirectToSelf(port)(s));
  port = handle.port;
  return handle;
}

const results: string[] = [];
let other = '';
beforeAll(async () => {
  httpsCert = await selfSigned();
  const pair = utils.generateKeyPairSync('ed25519');
  const parsed = utils.parseKey(pair.public);
  if (parsed instanceof Error) throw parsed;
  other = `SHA256:${createHash('sha256').update(parsed.getPublicSSH()).digest('base64').replace(/=+$/, '')}`;
  // Load every runner's modules once (a closed port answers at once), so no first probe pays for it.
  const closed = await peers.raw((s) => s.destroy());
  for (const kind of Object.keys(runnerFor) as Kind[]) await engine.run({ kind, target: { host: '127.0.0.1', port: closed.port }, deadlineMs: DEADLINE, runner: runnerFor[kind](closed.port) });
  await closed.stop();
}, 60_000);
afterAll(() => console.log(`hostile peers: ${results.filter((r) => r.startsWith('ok')).length}/${catalogue.length}\n${results.join('\n')}`));

describe('hostile peer catalogue', () => {
  for (const entry of catalogue) {
    it(`${entry.name}: ends within ${DEADLINE} ms + 10 %, reads ≤ ${entry.capBytes / KB} KB, names the cause`, async () => {
      const peer = await entry.start();
      pinnedKey = entry.name.includes('pinned') ? other : '';
      const before = clientSockets.length;
      try {
        const lag = monitorEventLoopDelay({ resolution: 10 });
        lag.enable();
        const started = Date.now();
        const result = await engine.run({ kind: entry.kind, target: { host: '127.0.0.1', port: peer.port }, deadlineMs: DEADLINE, runner: (entry.runner ?? runnerFor[entry.kind])(peer.port) });
        const elapsed = Date.now() - started;
        lag.disable();
        const lagMs = Math.round(lag.max / 1e6);
        const read = clientSockets.slice(before).reduce((n, s) => n + s.bytesRead, 0);
        const codes = result.findings.map((f) => f.code);
        const stopped = result.steps.find((st) => st.status === 'failed')?.id ?? '-';
        const line = `${entry.name}: ${result.verdict} at ${stopped} [${codes.join(', ')}] ${elapsed} ms (loop delay ${lagMs} ms), ${(read / KB).toFixed(1)} KB read`;
        results.push(`NO ${line}`);
        expect(elapsed).toBeLessThanOrEqual(DEADLINE * 1.1 + lagMs);
        expect(read).toBeLessThanOrEqual(entry.capBytes);
        expect(result.verdict).toBe(entry.expect.verdict);
        expect(stopped).toBe(entry.expect.at);
        expect(codes.some((c) => (typeof entry.expect.code === 'string' ? c === entry.expect.code : entry.expect.code.test(c))), codes.join(', ')).toBe(true);
        results[results.length - 1] = `ok ${line}`;
      } finally {
        await peer.stop();
      }
    });
  }
});

