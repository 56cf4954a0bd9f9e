/**
 * The SFTP probe as CI's SSH connectivity test would meet the server: connect and exchange keys,
 * judge the host key (our confirmed pin, CI's known_hosts), log in as the pathway says and,
 * when asked, check the directory. Credentials are registered as secrets before anything is logged.
 */
import type { ProbeContext, ProbeRunner } from '../engine-types';
import { AppError } from '../../../../shared/result';
import { sftpDiagnosis } from '../../../../shared/probe/diagnosis-sftp-smtp';
import { openSshSession, SshFailure, type AuthStep, type SshSession } from './ssh-session';
import { assessHostKey, ciVerdictText, hostKeyFindings, type HostKeyAssessment } from './host-key-check';
import { diagnoseAuthFailure, readPublicKey, type PublicKeyFacts } from './auth-diagnosis';
import { tryRsaSha1 } from './rsa-sha1-check';
import { checkDirectory } from './directory-check';
import type { SftpProbeOptions } from './sftp-types';
import { ciAlgorithmsStep, judgeOffersAsCi } from './ci-algorithms-step';

function authSteps(opts: SftpProbeOptions): AuthStep[] {
  const username = opts.user ?? '';
  const key: AuthStep | undefined = opts.privateKey
    ? { type: 'publickey', username, key: opts.privateKey, passphrase: opts.passphrase }
    : undefined;
  const pw: AuthStep | undefined = opts.password !== undefined ? { type: 'password', username, password: opts.password } : undefined;
  if (opts.auth === 'password') return pw ? [pw] : [];
  if (opts.auth === 'publickey') return key ? [key] : [];
  if (opts.auth === 'dual') return [key, pw].filter((s): s is AuthStep => s !== undefined);
  return [];
}

function recordHostKey(ctx: ProbeContext, a: HostKeyAssessment): void {
  ctx.fact('hostKeyType', a.info.keyType);
  ctx.fact('hostKeyFingerprint', a.info.fingerprint);
  ctx.fact('knownHostsLine', a.info.knownHostsLine);
  ctx.fact('ciVerdict', ciVerdictText(a.ci));
  ctx.fact('hostKeyPin', a.pinStatus);
  for (const f of hostKeyFindings(a)) ctx.finding(f);
}

function failConnect(ctx: ProbeContext, e: unknown, offers: readonly string[]): never {
  if (e instanceof SshFailure && /identification|greeting lines|Invalid header|Header line/i.test(e.message)) {
    ctx.finding(sftpDiagnosis.notSsh(e.message));
    throw e;
  }
  if (e instanceof SshFailure && e.kind === 'negotiation') {
    ctx.fact('serverOffers', e.report.remoteOffers);
    // What CI's own client would say about these offers, when that is more than ours says.
    const ci = judgeOffersAsCi(ctx, offers).findings;
    if (ci.length) for (const f of ci) ctx.finding(f);
    else ctx.finding(sftpDiagnosis.algorithmNegotiation(e.message.replace(/^Handshake failed:\s*/, '')));
  }
  throw e;
}

export function createSftpRunner(opts: SftpProbeOptions): ProbeRunner {
  return async (ctx) => {
    if ((opts.auth === 'password' || opts.auth === 'dual') && opts.password === undefined) {
      throw new AppError('CREDENTIAL_MISSING', `Authentication ${opts.auth} needs a password credential`, 'credentialId');
    }
    if ((opts.auth === 'publickey' || opts.auth === 'dual') && !opts.privateKey) {
      throw new AppError('CREDENTIAL_MISSING', `Authentication ${opts.auth} needs an SSH key`, 'credentialId');
    }
    if (opts.password) ctx.secret(opts.password);
    if (opts.passphrase) ctx.secret(opts.passphrase);
    const pub: PublicKeyFacts | undefined = opts.privateKey ? readPublicKey(opts.privateKey, opts.passphrase) : undefined;
    let assessment: HostKeyAssessment | undefined;
    const offers: string[] = [];
    let sawKey!: () => void;
    const keySeen = new Promise<void>((r) => (sawKey = r));

    const session: Promise<SshSession> = openSshSession({
      host: opts.host,
      port: opts.port,
      ...(opts.sock ? { sock: opts.sock } : {}),
      deadlineAt: ctx.deadlineAt,
      signal: ctx.signal,
      auth: authSteps(opts),
      algorithms: opts.algorithms,
      log: (l) => ctx.log(l),
      onOffer: (o) => offers.push(o),
      acceptHostKey: (raw) => {
        assessment = assessHostKey(raw, opts);
        opts.observe?.({ host: opts.host, port: opts.port, keyType: assessment.info.keyType, fingerprint: assessment.info.fingerprint });
        sawKey();
        // Only a confirmed pin lets the probe send credentials.
        return assessment.pinStatus === 'confirmed';
      },
    });
    const settled = session.then(
      (s) => ({ ok: true as const, s }),
      (e: unknown) => ({ ok: false as const, e }),
    );

    await ctx.step('connect', 'Connect and exchange keys', async (mark) => {
      const first = await Promise.race([keySeen.then(() => undefined), settled]);
      if (first && !first.ok) failConnect(ctx, first.e, offers);
      mark.detail(`${opts.host}:${opts.port}`);
    });

    // JSch negotiates before it looks at the host key: CI's verdict on the algorithms comes first.
    await ciAlgorithmsStep(ctx, offers);

    await ctx.step('hostkey', 'Host key', async (mark) => {
      const a = assessment!;
      recordHostKey(ctx, a);
      ctx.log(`host key ${a.info.keyType} ${a.info.fingerprint} (${a.pinStatus})`);
      mark.detail(`${a.info.keyType} ${a.info.fingerprint}`);
      if (a.pinStatus !== 'confirmed') throw new Error(a.pinStatus === 'changed' ? 'host key changed since it was confirmed' : 'host key not confirmed');
      if (a.ci.status !== 'match') mark.warn(ciVerdictText(a.ci));
    });

    const outcome = await settled;
    const client = outcome.ok ? outcome.s.client : undefined;
    try {
      await ctx.step('auth', 'Log in', async (mark) => {
        if (!outcome.ok) {
          const e = outcome.e;
          if (opts.auth === 'none' && e instanceof SshFailure && e.kind === 'auth') {
            mark.skip('authentication None: the host was reached');
            return;
          }
          if (e instanceof SshFailure && e.kind === 'auth') {
            ctx.fact('authMethodsOffered', e.report.methodsOffered);
            for (const f of diagnoseAuthFailure(opts, e.report, pub)) ctx.finding(f);
          }
          throw e;
        }
        const report = outcome.s.report;
        if (report.serverSigAlgs) ctx.fact('serverSigAlgs', report.serverSigAlgs);
        mark.detail(`logged in as ${opts.user ?? ''} (${opts.auth})`);
        if (pub?.keyType === 'ssh-rsa') {
          const sha1 = await tryRsaSha1(opts, assessment!.info.fingerprint, ctx);
          ctx.fact('sshRsaSha1Signature', sha1);
          if (sha1 === 'refused') {
            ctx.finding(sftpDiagnosis.authRsaSha1Refused(false));
            mark.warn('logged in with rsa-sha2; an ssh-rsa (SHA-1) signature is refused');
          }
        }
      });

      await ctx.step('directory', 'Directory access', async (mark) => {
        if (!opts.directory) return mark.skip('no directory to check');
        // Authentication None reaches the host only: there is no session to look at directories with.
        if (!client) return mark.skip('not logged in (authentication None): the directory is not checked');
        const result = await checkDirectory(client, opts.directory, opts.writeCheck === true, (l) => ctx.log(l));
        if (result === 'missing' || result === 'not-a-directory') ctx.finding(sftpDiagnosis.directoryMissing(opts.directory));
        if (result === 'not-writable') ctx.finding(sftpDiagnosis.directoryNotWritable(opts.directory));
        if (result !== 'ok') throw new Error(`directory ${opts.directory}: ${result}`);
        mark.detail(opts.writeCheck ? 'exists and is writable' : 'exists');
      });
    } finally {
      client?.end();
    }
  };
}
