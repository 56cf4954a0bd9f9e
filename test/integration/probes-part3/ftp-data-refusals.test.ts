/**
 * The two data-connection diagnoses vsftpd never gives the probe (it resumes the control
 * connection's TLS session as the server asks, so vsftpd accepts its data connections): a small
 * scripted FTP server on loopback answers the listing as servers that refuse do, once over Plain FTP
 * with the resumption refusal ("450 … has not resumed", as FileZilla Server words it) and once
 * over Explicit FTPS (AUTH TLS with the test PKI, PROT P) with "522 SSL connection failed".
 * Both through the real FTP runner and basic-ftp.
 */
import { X509Certificate } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFtpRunner } from '../../../main/services/probes/ftp/ftp-runner';
import type { FtpProbeOptions } from '../../../main/services/probes/ftp/ftp-types';
import { createTestPki, type TestPki } from '../../peers/pki';
import { runRecorded } from '../../support/probe-recorder';

const REUSE = '450 TLS session of data connection has not resumed or the session does not match the control connection';
const TLS_FAILED = '522 SSL connection failed';

let pki: TestPki;
const servers: Server[] = [];
const sockets = new Set<Socket>();

/** A scripted FTP server: login accepted, a passive port announced (a listener that holds what it gets), LIST answered with `listReply`. */
async function scriptedFtp(listReply: string, tls?: { certPem: string; keyPem: string }): Promise<number> {
  const data = createServer((s) => {
    sockets.add(s);
    s.on('error', () => {});
  });
  await new Promise<void>((r) => data.listen(0, '127.0.0.1', r));
  const dataPort = (data.address() as { port: number }).port;
  const server = createServer((raw) => {
    let s: Socket = raw;
    sockets.add(raw);
    raw.on('error', () => {});
    let pending = '';
    const answer = (line: string) => s.write(`${line}\r\n`);
    const onData = (d: Buffer) => {
      pending += d.toString('latin1');
      for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
        const command = pending.slice(0, nl).trim();
        pending = pending.slice(nl + 1);
        const verb = command.split(' ')[0]!.toUpperCase();
        if (verb === 'AUTH' && tls) {
          answer('234 Proceed with negotiation.');
          s.off('data', onData);
          const secure = new TLSSocket(raw, { isServer: true, cert: tls.certPem, key: tls.keyPem });
          secure.on('error', () => {});
          secure.on('data', onData);
          s = secure;
        } else if (verb === 'USER') answer('331 Please specify the password.');
        else if (verb === 'PASS') answer('230 Login successful.');
        else if (verb === 'PWD') answer('257 "/" is the current directory');
        else if (verb === 'CWD') answer('250 Directory successfully changed.');
        else if (verb === 'EPSV') answer(`229 Entering Extended Passive Mode (|||${dataPort}|)`);
        else if (verb === 'LIST' || verb === 'MLSD' || verb === 'NLST') answer(listReply);
        else if (verb === 'QUIT') s.end('221 Goodbye.\r\n');
        else answer('200 OK.');
      }
    };
    raw.on('data', onData);
    answer('220 (scripted FTP)');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  servers.push(server, data);
  return (server.address() as { port: number }).port;
}

beforeAll(async () => {
  pki = await createTestPki();
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise<void>((r) => s.close(() => r()))));
});

function opts(port: number, more: Partial<FtpProbeOptions>): FtpProbeOptions {
  const root = new X509Certificate(pki.root.certPem);
  return { host: '127.0.0.1', port, protection: 'off', route: { kind: 'direct' }, trust: { local: [root], localRole: 'info', ciKeystore: [root] }, user: 'ci', password: 'not-a-secret', directory: '/', ...more };
}

describe('FTP data-connection refusals from a scripted server', () => {
  it('a data connection refused for not resuming the TLS session: the session-reuse finding with the reply', async () => {
    const port = await scriptedFtp(REUSE);
    const rec = await runRecorded(createFtpRunner(opts(port, {})));
    expect(rec.codes).toEqual(['ftp.data.session-reuse']);
    expect(rec.findings[0]?.literal ?? rec.findings[0]?.message).toMatch(/has not resumed/);
    expect(rec.steps.find((s) => s.id === 'login')?.status).toBe('ok');
    expect(rec.steps.find((s) => s.id === 'list')?.status).toBe('failed');
  });

  it('Explicit FTPS whose data connection TLS fails (522): the data TLS finding', async () => {
    const port = await scriptedFtp(TLS_FAILED, { certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem });
    const rec = await runRecorded(createFtpRunner(opts(port, { protection: 'explicit' })));
    expect(rec.codes).toEqual(['ftp.data.tls-failed']);
    expect(rec.steps.find((s) => s.id === 'login')?.status).toBe('ok');
    expect(rec.steps.find((s) => s.id === 'list')?.status).toBe('failed');
  });
});
