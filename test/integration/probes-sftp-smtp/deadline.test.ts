/**
 * Through the real probe engine: a peer that accepts and then says nothing holds neither probe past
 * its deadline (the engine's signal closes the sockets), and a refused port is explained.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { createLogger, createRedactor } from '../../../main/services/logger';
import { createSftpRunner } from '../../../main/services/probes/sftp/sftp-runner';
import { createSmtpRunner } from '../../../main/services/probes/smtp/smtp-runner';
import { freePort } from '../../peers/ports';

let silent: Server;
let port: number;
const sockets: Socket[] = [];

beforeAll(async () => {
  silent = createServer((s) => sockets.push(s));
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  port = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
});

const engine = createProbeEngine({ redactor: createRedactor(), log: createLogger(() => {}, createRedactor()) });
const sftp = (p: number) =>
  createSftpRunner({ host: '127.0.0.1', port: p, knownHosts: [], findPin: () => undefined, auth: 'password', user: 'u', password: 'pw-not-used' });
const smtp = (p: number) =>
  createSmtpRunner({ host: '127.0.0.1', port: p, protection: 'starttls-mandatory', route: { kind: 'direct' }, trust: { local: [], localRole: 'info' }, auth: 'none' });

describe('deadlines and refusals through the engine', () => {
  it('a silent SSH peer: the SFTP probe ends timed-out at its deadline', async () => {
    const r = await engine.run({ kind: 'sftp', target: { host: '127.0.0.1', port }, deadlineMs: 800, runner: sftp(port) });
    expect(r.verdict).toBe('timed-out');
    expect(r.steps.find((s) => s.id === 'connect')?.status).toBe('failed');
  });

  it('a silent SMTP peer: the SMTP probe ends timed-out while waiting for the greeting', async () => {
    const r = await engine.run({ kind: 'smtp', target: { host: '127.0.0.1', port }, deadlineMs: 800, runner: smtp(port) });
    expect(r.verdict).toBe('timed-out');
    expect(r.steps.find((s) => s.id === 'banner')?.status).toBe('failed');
  });

  it('a closed port is explained for both', async () => {
    const closed = await freePort();
    const a = await engine.run({ kind: 'sftp', target: { host: '127.0.0.1', port: closed }, runner: sftp(closed) });
    const b = await engine.run({ kind: 'smtp', target: { host: '127.0.0.1', port: closed }, runner: smtp(closed) });
    expect(a.verdict).toBe('failed');
    expect(b.verdict).toBe('failed');
    expect(a.findings.map((f) => f.code)).toContain('net.refused');
    expect(b.findings.map((f) => f.code)).toContain('net.refused');
  });
});
