/**
 * The FTP / FTPS probe as CI's FTP adapter meets the server: control connection along the route,
 * Explicit FTPS (AUTH TLS) / Implicit FTPS / Plain, the chain judged by the CI profile, login,
 * the directory, a listing over a passive data connection (TLS-protected for FTPS), the opt-in
 * write check, and whether the server demands TLS session resumption on data connections.
 */
import { Readable } from 'node:stream';
import { randomBytes } from 'node:crypto';
import { FTPError } from 'basic-ftp';
import { diagnose } from '../../../../shared/probe/diagnosis';
import { AppError } from '../../../../shared/result';
import type { ProbeContext, ProbeRunner } from '../engine-types';
import { ProbeFailure, rawCodeOf } from '../probe-failure';
import { passiveTransfer, type DataChannel } from './ftp-data';
import { login, openSession, replyOf, type FtpSession } from './ftp-session';
import type { FtpProbeOptions } from './ftp-types';

/** What a failed data transfer means: reuse demanded, TLS required, the data handshake, or the passive port. */
export function dataFailure(e: unknown, protectedData: boolean, vars: { directory: string }): ProbeFailure {
  if (e instanceof ProbeFailure) return e;
  const reply = replyOf(e);
  if (e instanceof FTPError) {
    if (/reuse|resum/i.test(reply)) return new ProbeFailure(diagnose('ftp.data.session-reuse', { reply }));
    if (!protectedData && /encrypt|ssl|tls|protect/i.test(reply)) return new ProbeFailure(diagnose('ftp.data.tls-required', { reply }));
    if (e.code === 425) return new ProbeFailure(diagnose('ftp.passive.blocked', { dataPort: '(the one it announced)', detail: reply }));
    if (e.code === 522 || e.code === 534) return new ProbeFailure(diagnose('ftp.data.tls-failed', { detail: reply }));
    return new ProbeFailure(diagnose('ftp.list.failed', { ...vars, reply }));
  }
  const code = rawCodeOf(e) ?? '';
  if (protectedData && (code.startsWith('ERR_SSL') || code === 'ECONNRESET' || /data socket/i.test(String((e as Error).message)))) {
    return new ProbeFailure(diagnose('ftp.data.tls-failed', { detail: code || 'the server closed the data connection' }));
  }
  throw e;
}

async function listing(ctx: ProbeContext, s: FtpSession, ch: DataChannel, directory: string): Promise<void> {
  await ctx.step('list', 'List the directory (passive data connection)', async (mark) => {
    s.client.prepareTransfer = passiveTransfer(ctx, ch);
    try {
      const entries = await s.client.list();
      ctx.fact('ftpEntries', entries.length);
      mark.detail(`${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}${ch.controlTls ? ', data connection encrypted' : ''}`);
    } catch (e) {
      throw dataFailure(e, Boolean(ch.controlTls), { directory });
    }
  });
}

async function writeCheck(ctx: ProbeContext, s: FtpSession, opts: FtpProbeOptions, directory: string): Promise<void> {
  await ctx.step('write', 'Write check (store and remove a test file)', async (mark) => {
    if (!opts.writeCheck) return mark.skip('not requested');
    const file = `landscape-probe-${randomBytes(4).toString('hex')}.txt`;
    try {
      await s.client.uploadFrom(Readable.from([Buffer.from('Landscape Setup write check\n')]), file);
    } catch (e) {
      if (e instanceof FTPError) throw new ProbeFailure(diagnose('ftp.write.refused', { directory, reply: replyOf(e) }));
      throw dataFailure(e, Boolean(s.controlTls), { directory });
    }
    try {
      await s.client.remove(file);
    } catch (e) {
      if (!(e instanceof FTPError)) throw e;
      ctx.finding(diagnose('ftp.write.not-removed', { file, reply: replyOf(e) }));
      return mark.warn(`stored ${file}, could not remove it`);
    }
    mark.detail(`stored and removed ${file}`);
  });
}

/** Lists once more without resuming the TLS session: a refusal means clients that cannot resume fail. */
async function resumptionCheck(ctx: ProbeContext, s: FtpSession, ch: DataChannel): Promise<void> {
  await ctx.step('resumption', 'Data connection without TLS session resumption', async (mark) => {
    if (!ch.controlTls) return mark.skip('plain FTP');
    s.client.prepareTransfer = passiveTransfer(ctx, { ...ch, resume: false, onSecure: undefined });
    try {
      await s.client.list().then(() => undefined);
      ctx.fact('ftpRequiresSessionResumption', false);
      mark.detail('accepted: the server does not demand resumption');
    } catch (e) {
      const reply = replyOf(e);
      if (e instanceof FTPError && /reuse|resum/i.test(reply)) {
        ctx.fact('ftpRequiresSessionResumption', true);
        ctx.finding(diagnose('ftp.data.reuse-required', { reply }));
        return mark.warn(reply);
      }
      mark.skip(`inconclusive: ${reply}`);
    }
  });
}

export function createFtpRunner(opts: FtpProbeOptions): ProbeRunner {
  return async (ctx) => {
    if (opts.user && opts.password === undefined) throw new AppError('CREDENTIAL_MISSING', 'FTP login needs a password', 'credentialId');
    if (opts.password) ctx.secret(opts.password);
    ctx.fact('ftpProtection', opts.protection);
    const s = await openSession(ctx, opts);
    try {
      await login(ctx, s, opts);
      const directory = await ctx.step('directory', 'Directory', async (mark) => {
        if (opts.directory) {
          try {
            await s.client.cd(opts.directory);
          } catch (e) {
            if (e instanceof FTPError) throw new ProbeFailure(diagnose('ftp.directory.missing', { directory: opts.directory, reply: replyOf(e) }));
            throw e;
          }
        }
        const pwd = await s.client.pwd();
        mark.detail(pwd);
        return pwd;
      });
      const ch: DataChannel = {
        host: opts.host,
        controlAddress: s.tcp.remoteAddress ?? opts.host,
        route: opts.route,
        ...(s.controlTls ? { controlTls: s.controlTls } : {}),
        resume: true,
        onSecure: (resumed) => ctx.fact('ftpDataSessionResumed', resumed),
      };
      await listing(ctx, s, ch, directory);
      await writeCheck(ctx, s, opts, directory);
      await resumptionCheck(ctx, s, ch);
    } finally {
      s.client.close();
      s.tcp.destroy();
    }
  };
}
