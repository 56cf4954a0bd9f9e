/**
 * Debian's vsftpd on loopback for the FTP probe tests, in the foreground with its own config, run
 * as the launching user (no chroot, no privileged port). vsftpd then allows only anonymous logins,
 * so the login is checked against `secure_email_list`: user `anonymous`, the password must be on
 * the list — a wrong one gets vsftpd's real "530 Login incorrect.". TLS material is made at run time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports';
import { stopAtFileEnd } from './stop-at-file-end';

export interface VsftpdOptions {
  tls: 'explicit' | 'implicit' | 'none';
  password: string;
  certPem?: string;
  keyPem?: string;
  /** vsftpd's require_ssl_reuse (its default is YES). */
  requireReuse?: boolean;
  /** Plain logins allowed but the data connection must be TLS (force_anon_data_ssl without force_anon_logins_ssl). */
  dataTlsOnly?: boolean;
  listenAddress?: string;
}

export interface VsftpdPeer {
  port: number;
  /** The writable directory (absolute: no chroot when run as the launching user). */
  upload: string;
  /** A directory the FTP user may list but where no file can be created, even when the tests run as root: /proc. */
  readOnly: string;
  stop(): Promise<void>;
}

export async function startVsftpd(o: VsftpdOptions): Promise<VsftpdPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'peer-ftp-'));
  const root = join(dir, 'root');
  const upload = join(root, 'upload');
  mkdirSync(upload, { recursive: true });
  chmodSync(upload, 0o777);
  writeFileSync(join(dir, 'passwords'), `${o.password}\n`, { mode: 0o600 });
  const port = await freePort();
  const pasv = 20_000 + Math.floor(Math.random() * 20_000);
  const lines = [
    'listen=YES', `listen_address=${o.listenAddress ?? '127.0.0.1'}`, `listen_port=${port}`, 'background=NO', 'run_as_launching_user=YES',
    'anonymous_enable=YES', 'no_anon_password=NO', 'secure_email_list_enable=YES', `email_password_file=${join(dir, 'passwords')}`,
    `anon_root=${root}`, 'local_enable=NO', 'write_enable=YES', 'anon_upload_enable=YES', 'anon_other_write_enable=YES', 'anon_umask=022',
    'pasv_enable=YES', `pasv_min_port=${pasv}`, `pasv_max_port=${pasv + 20}`, 'seccomp_sandbox=NO', 'isolate=NO', 'isolate_network=NO',
    'xferlog_enable=NO', `vsftpd_log_file=${join(dir, 'vsftpd.log')}`, 'ftpd_banner=Landscape test FTP',
  ];
  if (o.tls !== 'none' || o.dataTlsOnly) {
    writeFileSync(join(dir, 'cert.pem'), o.certPem ?? '', { mode: 0o600 });
    writeFileSync(join(dir, 'key.pem'), o.keyPem ?? '', { mode: 0o600 });
    lines.push('ssl_enable=YES', 'allow_anon_ssl=YES', `rsa_cert_file=${join(dir, 'cert.pem')}`, `rsa_private_key_file=${join(dir, 'key.pem')}`);
    lines.push(`force_anon_logins_ssl=${o.dataTlsOnly ? 'NO' : 'YES'}`, 'force_anon_data_ssl=YES', `require_ssl_reuse=${o.requireReuse === false ? 'NO' : 'YES'}`);
    if (o.tls === 'implicit') lines.push('implicit_ssl=YES');
  }
  writeFileSync(join(dir, 'vsftpd.conf'), lines.join('\n') + '\n');
  const child: ChildProcess = spawn('/usr/sbin/vsftpd', [join(dir, 'vsftpd.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (c) => reject(new Error(`vsftpd exited ${c}: ${out}`))));
  exited.catch(() => undefined);
  await Promise.race([waitForPort(port, 10_000, o.listenAddress), exited]);
  return {
    port,
    upload,
    readOnly: '/proc',
    stop: stopAtFileEnd(() =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      })),
  };
}

/**
 * A firewall that lets only the control port through: 127.0.0.1:port relays to the server's
 * control port on another loopback address; its passive ports are not reachable on 127.0.0.1.
 */
export async function startControlOnlyRelay(target: { host: string; port: number }): Promise<{ port: number; stop(): Promise<void> }> {
  const port = await freePort();
  const open = new Set<Socket>();
  const server: Server = createServer((c) => {
    const up = connect(target);
    open.add(c).add(up);
    c.pipe(up).pipe(c);
    c.on('error', () => up.destroy());
    up.on('error', () => c.destroy());
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port,
    stop: () => new Promise<void>((resolve) => {
      for (const s of open) s.destroy();
      server.close(() => resolve());
    }),
  };
}
