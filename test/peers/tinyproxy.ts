/**
 * Debian's tinyproxy as the customer's HTTP proxy, run by the test in a temp dir on loopback:
 * optional Basic authentication (the password is in a 0600 config file made at run time) and a
 * CONNECT port allow-list. `tunnels()` reads its log: the targets it opened a connection to.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports';
import { stopAtFileEnd } from './stop-at-file-end';

export interface RunningTinyproxy {
  port: number;
  /** "host:port" of every tunnel the proxy established, in order. */
  tunnels(): string[];
  stop(): Promise<void>;
}

export async function startTinyproxy(opts: { auth?: { user: string; password: string }; connectPorts: number[] }): Promise<RunningTinyproxy> {
  const dir = mkdtempSync(join(tmpdir(), 'landscape-tinyproxy-'));
  const port = await freePort();
  const log = join(dir, 'tinyproxy.log');
  const conf = [
    `Port ${port}`,
    'Listen 127.0.0.1',
    'Timeout 30',
    'MaxClients 50',
    'LogLevel Info',
    `LogFile "${log}"`,
    `PidFile "${join(dir, 'tinyproxy.pid')}"`,
    ...(opts.auth ? [`BasicAuth ${opts.auth.user} ${opts.auth.password}`] : []),
    ...opts.connectPorts.map((p) => `ConnectPort ${p}`),
  ].join('\n');
  writeFileSync(join(dir, 'tinyproxy.conf'), conf + '\n', { mode: 0o600 });
  const child: ChildProcess = spawn('tinyproxy', ['-d', '-c', join(dir, 'tinyproxy.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  try {
    await waitForPort(port);
  } catch (e) {
    child.kill();
    throw new Error(`tinyproxy did not start: ${stderr} ${(e as Error).message}`);
  }
  return {
    port,
    tunnels: () => {
      if (!existsSync(log)) return [];
      // "Request (fd N): CONNECT host:port HTTP/1.1", then "Established connection to host …" when it opened.
      const out: string[] = [];
      let last = '';
      for (const line of readFileSync(log, 'utf8').split('\n')) {
        const req = /Request \(file descriptor \d+\): CONNECT (\S+) HTTP/.exec(line);
        if (req) last = req[1]!;
        else if (/Established connection to host/.test(line) && last) out.push(last);
      }
      return out;
    },
    stop: stopAtFileEnd(() =>
      new Promise((resolve) => {
        const done = () => (rmSync(dir, { recursive: true, force: true }), resolve());
        if (child.exitCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      })),
  };
}
