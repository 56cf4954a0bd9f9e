/**
 * Debian's websockify on loopback in front of a TCP port, for AMQP over WebSocket: stock (it refuses
 * the "amqp" subprotocol) or through amqp-ws-bridge.py (websockify's own command line, accepting
 * "amqp" and serving only one path). TLS (wss) with the test PKI when a certificate is given.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitForPort } from './ports';
import { stopAtFileEnd } from './stop-at-file-end';

const BRIDGE = join(fileURLToPath(new URL('.', import.meta.url)), 'amqp-ws-bridge.py');

export interface WebsockifyPeer {
  port: number;
  stop(): Promise<void>;
}

export async function startWebsockify(o: { targetPort: number; amqp: boolean; path?: string; certPem?: string; keyPem?: string }): Promise<WebsockifyPeer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'peer-websockify-'));
  const tls: string[] = [];
  if (o.certPem && o.keyPem) {
    writeFileSync(join(dir, 'cert.pem'), o.certPem, { mode: 0o600 });
    writeFileSync(join(dir, 'key.pem'), o.keyPem, { mode: 0o600 });
    tls.push('--cert', join(dir, 'cert.pem'), '--key', join(dir, 'key.pem'), '--ssl-only');
  }
  const args = [...tls, `127.0.0.1:${port}`, `127.0.0.1:${o.targetPort}`];
  const child = o.amqp
    ? spawn('/usr/bin/python3', [BRIDGE, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, AMQP_WS_PATH: o.path ?? '/' } })
    : spawn('/usr/bin/websockify', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<never>((_, reject) => child.once('exit', (c) => reject(new Error(`websockify exited ${c}: ${out}`))));
  exited.catch(() => undefined);
  await Promise.race([waitForPort(port, 15_000), exited]);
  return {
    port,
    stop: stopAtFileEnd(() =>
      new Promise<void>((resolve) => {
        const done = () => (rmSync(dir, { recursive: true, force: true }), resolve());
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      })),
  };
}
