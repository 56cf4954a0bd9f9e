/**
 * SMTP peers on loopback for the SMTP probe tests: Debian's python3-aiosmtpd (STARTTLS + AUTH, a
 * server requiring STARTTLS first, a server without STARTTLS, SMTPS) and npm smtp-server for
 * CRAM-MD5. Each records DATA commands, so a test can prove no mail was ever sent.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SMTPServer } from 'smtp-server';
import { freePort, waitForPort } from './ports';
import { stopAtFileEnd } from './stop-at-file-end';

export type AiosmtpdMode = 'starttls' | 'require-starttls' | 'plain' | 'smtps';

export interface SmtpPeer {
  port: number;
  /** DATA commands and messages the server received (must stay 0). */
  dataCount(): number;
  stop(): Promise<void>;
}

const SCRIPT = join(fileURLToPath(new URL('.', import.meta.url)), 'aiosmtpd-peer.py');

export async function startAiosmtpd(o: { mode: AiosmtpdMode; user: string; password: string; certPem?: string; keyPem?: string }): Promise<SmtpPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'peer-smtp-'));
  const record = join(dir, 'record.txt');
  const port = await freePort();
  const args = [SCRIPT, '--port', String(port), '--mode', o.mode, '--user', o.user, '--record', record];
  if (o.certPem && o.keyPem) {
    writeFileSync(join(dir, 'cert.pem'), o.certPem, { mode: 0o600 });
    writeFileSync(join(dir, 'key.pem'), o.keyPem, { mode: 0o600 });
    args.push('--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem'));
  }
  const child: ChildProcess = spawn('/usr/bin/python3', args, { env: { ...process.env, PEER_PASSWORD: o.password }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => d.toString().includes('READY') && resolve());
    child.once('exit', (code) => reject(new Error(`aiosmtpd exited ${code}: ${stderr}`)));
  });
  await waitForPort(port);
  return {
    port,
    dataCount: () => (existsSync(record) ? readFileSync(record, 'utf8').split('\n').filter(Boolean).length : 0),
    stop: stopAtFileEnd(() =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin?.end();
        setTimeout(() => child.kill('SIGTERM'), 2000).unref();
      })),
  };
}

/** npm smtp-server with CRAM-MD5 (aiosmtpd has none built in), STARTTLS and AUTH. */
export async function startCramServer(o: { user: string; password: string; certPem: string; keyPem: string }): Promise<SmtpPeer> {
  let data = 0;
  const server = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN', 'CRAM-MD5'],
    key: o.keyPem,
    cert: o.certPem,
    logger: false,
    onAuth(auth, _session, cb) {
      const ok = auth.username === o.user && (auth.method === 'CRAM-MD5' ? auth.validatePassword(o.password) : auth.password === o.password);
      cb(ok ? null : Object.assign(new Error('Invalid username or password'), { responseCode: 535 }), ok ? { user: o.user } : undefined);
    },
    onData(stream, _s, cb) {
      data++;
      stream.resume();
      stream.on('end', () => cb());
    },
  });
  server.on('error', () => {});
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
  return { port, dataCount: () => data, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
