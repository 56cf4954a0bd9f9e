/**
 * Debian's dovecot (dovecot-imapd, dovecot-pop3d) on loopback for the mailbox probe tests: in the
 * foreground (`dovecot -F -c <conf>`) with its own config, base and state directories and log on
 * stderr, so it needs no systemd and writes nothing outside its temp dir. Users come from a
 * generated passwd-file; the mailbox is a Maildir made here with seen and unseen messages (and an
 * `Orders` folder), so the tests can assert the counts and that no flag changed.
 *
 * As root (the CI runs the suite as root) dovecot drops its login processes to Debian's
 * `dovenull` / `dovecot` users and the mail user is `nobody`; otherwise everything runs as the
 * launching user (login processes without chroot, tried with setpriv as nobody). Dovecot counts a connection whose remote and local address are the same
 * (127.0.0.1 → 127.0.0.1) as secure; listen on 127.0.0.2 to have plain-text logins judged as on a
 * real network (the client's source address is then 127.0.0.1).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports';
import { stopAtFileEnd } from './stop-at-file-end';

export interface DovecotOptions {
  user: string;
  password: string;
  /** Server chain and key; without them TLS is off (no STARTTLS, no SSL/TLS listeners). */
  certPem?: string;
  keyPem?: string;
  /** dovecot's disable_plaintext_auth (its default is yes). */
  disablePlaintextAuth?: boolean;
  listenAddress?: string;
  /** Messages in INBOX: `seen` with the \Seen flag, `unseen` without (half of them still in new/). */
  seen?: number;
  unseen?: number;
}

export interface DovecotPeer {
  host: string;
  imap: number;
  pop3: number;
  /** SSL/TLS listeners (0 when TLS is off). */
  imaps: number;
  pop3s: number;
  /** Every message file of INBOX and Orders (their names carry the Maildir flags: `:2,S` = seen). */
  messageFiles(): string[];
  stop(): Promise<void>;
}

function writeMessages(dir: string, seen: number, unseen: number, tag: string): void {
  for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, sub), { recursive: true });
  const body = (i: number) => `From: sender@example.com\r\nTo: ci@example.com\r\nSubject: ${tag} ${i}\r\n\r\nMessage ${i}\r\n`;
  let i = 0;
  for (let k = 0; k < seen; k++, i++) writeFileSync(join(dir, 'cur', `17000000${i}.M${i}P1.landscape:2,S`), body(i));
  for (let k = 0; k < unseen; k++, i++) {
    if (k % 2) writeFileSync(join(dir, 'new', `17000000${i}.M${i}P1.landscape`), body(i));
    else writeFileSync(join(dir, 'cur', `17000000${i}.M${i}P1.landscape:2,`), body(i));
  }
}

function chownTree(path: string, uid: number, gid: number): void {
  chownSync(path, uid, gid);
  for (const e of readdirSync(path, { withFileTypes: true })) {
    if (e.isDirectory()) chownTree(join(path, e.name), uid, gid);
    else chownSync(join(path, e.name), uid, gid);
  }
}

/** The launching user's group by name (dovecot takes names only). */
function groupName(gid: number): string {
  const line = readFileSync('/etc/group', 'utf8').split('\n').find((l) => l.split(':')[2] === String(gid));
  return line?.split(':')[0] ?? String(gid);
}

/** An SSL/TLS listener block, or none when TLS is off (port 0). */
const listener = (name: string, port: number): string => (port ? `  inet_listener ${name} {\n    port = ${port}\n    ssl = yes\n  }\n` : '');

export async function startDovecot(o: DovecotOptions): Promise<DovecotPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'peer-dovecot-'));
  chmodSync(dir, 0o755);
  const home = join(dir, 'home');
  const maildir = join(home, 'Maildir');
  writeMessages(maildir, o.seen ?? 2, o.unseen ?? 3, 'Inbox');
  writeMessages(join(maildir, '.Orders'), 0, 1, 'Order');
  const root = process.getuid?.() === 0;
  const me = userInfo();
  const [uid, gid] = root ? [65534, 65534] : [me.uid, me.gid];
  if (root) chownTree(home, uid, gid);
  writeFileSync(join(dir, 'passwd'), `${o.user}:{PLAIN}${o.password}:${uid}:${gid}::${home}::\n`, { mode: 0o644 });
  const tls = Boolean(o.certPem && o.keyPem);
  const [imap, pop3, imaps, pop3s] = await Promise.all([freePort(), freePort(), tls ? freePort() : 0, tls ? freePort() : 0]);
  const lines = [
    `base_dir = ${join(dir, 'run')}`, `state_dir = ${join(dir, 'state')}`, `instance_name = landscape-${imap}`,
    'log_path = /dev/stderr', 'info_log_path = /dev/stderr', 'protocols = imap pop3', `listen = ${o.listenAddress ?? '127.0.0.1'}`,
    `disable_plaintext_auth = ${o.disablePlaintextAuth === false ? 'no' : 'yes'}`, 'auth_mechanisms = plain login', 'auth_failure_delay = 0',
    'mail_location = maildir:~/Maildir', 'first_valid_uid = 1', 'first_valid_gid = 1',
    `passdb {\n  driver = passwd-file\n  args = ${join(dir, 'passwd')}\n}`, `userdb {\n  driver = passwd-file\n  args = ${join(dir, 'passwd')}\n}`,
    // No chroot for the login processes: a user other than root cannot chroot.
    `service imap-login {\n  chroot =\n  inet_listener imap {\n    port = ${imap}\n  }\n${listener('imaps', imaps)}}`,
    `service pop3-login {\n  chroot =\n  inet_listener pop3 {\n    port = ${pop3}\n  }\n${listener('pop3s', pop3s)}}`,
    // No auth penalty (dovecot delays logins from an address after failed ones, up to 15 s): the tests'
    // wrong passwords must not slow the next test's login towards its deadline.
    'service anvil {\n  chroot =\n  unix_listener anvil-auth-penalty {\n    mode = 0\n  }\n}',
  ];
  if (!root) lines.push(`default_login_user = ${me.username}`, `default_internal_user = ${me.username}`, `default_internal_group = ${groupName(me.gid)}`);
  if (tls) {
    writeFileSync(join(dir, 'cert.pem'), o.certPem ?? '', { mode: 0o600 });
    writeFileSync(join(dir, 'key.pem'), o.keyPem ?? '', { mode: 0o600 });
    lines.push('ssl = yes', `ssl_cert = <${join(dir, 'cert.pem')}`, `ssl_key = <${join(dir, 'key.pem')}`);
  } else lines.push('ssl = no');
  writeFileSync(join(dir, 'dovecot.conf'), lines.join('\n') + '\n');
  const child: ChildProcess = spawn('/usr/sbin/dovecot', ['-F', '-c', join(dir, 'dovecot.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (c) => reject(new Error(`dovecot exited ${c}: ${out}`))));
  exited.catch(() => undefined);
  const host = o.listenAddress ?? '127.0.0.1';
  await Promise.race([Promise.all([imap, pop3, imaps, pop3s].filter(Boolean).map((p) => waitForPort(p, 10_000, host))), exited]);
  const files = (d: string) => ['cur', 'new'].flatMap((s) => readdirSync(join(d, s)).map((f) => `${s}/${f}`));
  return {
    host,
    imap,
    pop3,
    imaps,
    pop3s,
    messageFiles: () => [...files(maildir), ...files(join(maildir, '.Orders')).map((f) => `.Orders/${f}`)],
    stop: stopAtFileEnd(() =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      })),
  };
}
