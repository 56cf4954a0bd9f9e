/**
 * Debian's OpenSSH sshd as a loopback peer: its own config, a host key generated at run time,
 * public-key login for root (no system user is touched) and `internal-sftp` starting in a private
 * directory, so directory checks never touch /root. `rotateHostKey()` restarts it with a new key.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports';
import { stopAtFileEnd } from './stop-at-file-end';

export interface SshdPeer {
  port: number;
  user: string;
  dir: string;
  /** The sftp start directory ("home" for the probe's relative paths). */
  home: string;
  hostKeyLine: () => string;
  rotateHostKey(): Promise<void>;
  stop(): Promise<void>;
}

export interface SshdOptions {
  authorizedKeys: string[];
  hostKeyType?: 'ed25519' | 'ecdsa' | 'rsa';
  extraConfig?: string[];
  /** Extra internal-sftp flags, e.g. '-R' for a read-only server. */
  sftpFlags?: string;
}

function newHostKey(dir: string, type: string): void {
  rmSync(join(dir, 'host_key'), { force: true });
  rmSync(join(dir, 'host_key.pub'), { force: true });
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-f', join(dir, 'host_key')]);
}

export async function startSshd(opts: SshdOptions): Promise<SshdPeer> {
  mkdirSync('/run/sshd', { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'peer-sshd-'));
  const home = join(dir, 'home');
  mkdirSync(join(home, 'upload'), { recursive: true });
  const port = await freePort();
  newHostKey(dir, opts.hostKeyType ?? 'ed25519');
  writeFileSync(join(dir, 'authorized_keys'), opts.authorizedKeys.join('\n') + '\n', { mode: 0o600 });
  const cfg = join(dir, 'sshd_config');
  writeFileSync(
    cfg,
    [
      'ListenAddress 127.0.0.1',
      `Port ${port}`,
      `HostKey ${join(dir, 'host_key')}`,
      `PidFile ${join(dir, 'sshd.pid')}`,
      `AuthorizedKeysFile ${join(dir, 'authorized_keys')}`,
      'StrictModes no',
      'UsePAM no',
      'PasswordAuthentication no',
      'KbdInteractiveAuthentication no',
      'PermitRootLogin prohibit-password',
      'AllowUsers root',
      ...(opts.extraConfig ?? []),
      `Subsystem sftp internal-sftp -d ${home}${opts.sftpFlags ? ' ' + opts.sftpFlags : ''}`,
    ].join('\n') + '\n',
  );
  execFileSync('/usr/sbin/sshd', ['-t', '-f', cfg]);
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', cfg], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr?.resume();
    await waitForPort(port);
  };
  const stop = async (): Promise<void> => {
    const c = child;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  };
  await start();
  return {
    port,
    user: 'root',
    dir,
    home,
    hostKeyLine: () => readFileSync(join(dir, 'host_key.pub'), 'utf8').trim(),
    async rotateHostKey() {
      await stop();
      newHostKey(dir, opts.hostKeyType ?? 'ed25519');
      await start();
    },
    stop: stopAtFileEnd(async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    }),
  };
}
