/**
 * The SMTP probe as CI's mail adapter and SMTP connectivity test meet the server: banner, EHLO,
 * STARTTLS (or SMTPS) with the chain judged against the modelled CI keystore, AUTH with the
 * pathway's credential, optionally MAIL FROM / RCPT TO, then RSET and QUIT. It never sends DATA:
 * no mail is ever sent. The dialogue is our own (see ARCHITECTURE.md, "SFTP and SMTP probes").
 */
import type { Socket } from 'node:net';
import { smtpDiagnosis } from '../../../../shared/probe/diagnosis-sftp-smtp';
import { AppError } from '../../../../shared/result';
import type { ProbeContext, ProbeRunner } from '../engine-types';
import { openRoute } from '../net/connect';
import { ProbeFailure } from '../probe-failure';
import { handshake } from '../tls/handshake';
import { checkCertificates } from '../tls-probe';
import { authenticate, chooseMechanism } from './smtp-auth';
import { authMechanisms, capabilitiesOf, offersStarttls, SmtpChannel, type SmtpReply } from './smtp-channel';
import type { SmtpProbeOptions } from './smtp-types';

/** 530 (and 538, "encryption required") mean: STARTTLS first. */
const needsTls = (r: SmtpReply): boolean => r.code === 530 || r.code === 538;

async function secure(ctx: ProbeContext, ch: SmtpChannel, opts: SmtpProbeOptions, tcp: Socket, upgrade: boolean): Promise<void> {
  const tls = await handshake(ctx, tcp, opts.host);
  ch.socket = tls.socket;
  const trusted = await checkCertificates(ctx, tls, { host: opts.host, trust: opts.trust, now: opts.now });
  if (trusted) return;
  // JavaMail reports a PKIX failure during the STARTTLS upgrade as "Could not convert socket to TLS".
  if (upgrade) throw new ProbeFailure(smtpDiagnosis.untrustedCertificate(opts.trust.ciKeystore ? 'missing from the modelled CI keystore' : 'not trusted here'));
  throw new Error('the server certificate is not trusted');
}

async function ehlo(ctx: ProbeContext, ch: SmtpChannel, opts: SmtpProbeOptions, label: string): Promise<string[]> {
  return ctx.step(label === 'EHLO' ? 'ehlo' : 'ehlo-tls', label, async (mark) => {
    const r = await ch.command(`EHLO ${opts.ehloName ?? 'landscape-setup.invalid'}`);
    if (r.code !== 250) throw new ProbeFailure(smtpDiagnosis.unexpectedReply('EHLO', r.text));
    const caps = capabilitiesOf(r);
    ctx.fact(label === 'EHLO' ? 'smtpCapabilities' : 'smtpCapabilitiesAfterTls', caps);
    mark.detail(caps.join(', ') || 'no extensions');
    return caps;
  });
}

async function starttls(ctx: ProbeContext, ch: SmtpChannel, opts: SmtpProbeOptions, caps: string[], tcp: Socket): Promise<boolean> {
  return ctx.step('starttls', 'STARTTLS', async (mark) => {
    if (!offersStarttls(caps)) {
      if (opts.protection === 'starttls-mandatory') throw new ProbeFailure(smtpDiagnosis.starttlsMissing());
      ctx.finding(smtpDiagnosis.starttlsOptionalStayedPlain());
      mark.warn('not offered: the session stays in plain text');
      return false;
    }
    const r = await ch.command('STARTTLS');
    if (r.code !== 220) throw new ProbeFailure(smtpDiagnosis.unexpectedReply('STARTTLS', r.text));
    await secure(ctx, ch, opts, tcp, true);
    mark.detail('upgraded to TLS');
    return true;
  });
}

async function login(ctx: ProbeContext, ch: SmtpChannel, opts: SmtpProbeOptions, caps: string[], encrypted: boolean): Promise<void> {
  await ctx.step('auth', 'AUTH', async (mark) => {
    const offered = authMechanisms(caps);
    ctx.fact('smtpAuthMechanisms', offered);
    if (opts.auth === 'none') return mark.skip(`authentication None (server offers ${offered.join(' ') || 'no AUTH'})`);
    if (!offered.length && !encrypted && offersStarttls(caps)) {
      throw new ProbeFailure(smtpDiagnosis.tlsRequiredFirst('AUTH is offered only after STARTTLS'));
    }
    const mechanism = chooseMechanism(opts.auth, offered);
    if (!mechanism) throw new ProbeFailure(smtpDiagnosis.authMechanismMissing(opts.auth === 'plain' ? 'PLAIN or LOGIN' : 'CRAM-MD5', offered));
    if (!encrypted && opts.auth === 'plain') ctx.finding(smtpDiagnosis.plainAuthUnencrypted());
    const r = await authenticate(ch, ctx, mechanism, opts.user ?? '', opts.password ?? '');
    if (r.code === 235) return mark.detail(`${mechanism} accepted for ${opts.user ?? ''}`);
    if (needsTls(r)) throw new ProbeFailure(smtpDiagnosis.tlsRequiredFirst(r.text));
    if (r.code === 535 || r.code === 534 || r.code === 454) throw new ProbeFailure(smtpDiagnosis.badCredentials(r.text, opts.user ?? ''));
    throw new ProbeFailure(smtpDiagnosis.unexpectedReply(`AUTH ${mechanism}`, r.text));
  });
}

async function checkAddresses(ctx: ProbeContext, ch: SmtpChannel, opts: SmtpProbeOptions): Promise<void> {
  await ctx.step('addresses', 'Check mail addresses', async (mark) => {
    if (!opts.from && !opts.to) return mark.skip('no addresses to check');
    const from = await ch.command(`MAIL FROM:<${opts.from ?? ''}>`);
    if (needsTls(from)) throw new ProbeFailure(smtpDiagnosis.tlsRequiredFirst(from.text));
    if (from.code !== 250) throw new ProbeFailure(smtpDiagnosis.senderRejected(opts.from ?? '', from.text));
    if (opts.to) {
      const to = await ch.command(`RCPT TO:<${opts.to}>`);
      if (to.code !== 250 && to.code !== 251) throw new ProbeFailure(smtpDiagnosis.recipientRejected(opts.to, to.text));
    }
    // RSET drops the envelope: the probe never sends DATA, so no mail is ever sent.
    await ch.command('RSET');
    mark.detail(`accepted: ${[opts.from && `from <${opts.from}>`, opts.to && `to <${opts.to}>`].filter(Boolean).join(', ')}`);
  });
}

export function createSmtpRunner(opts: SmtpProbeOptions): ProbeRunner {
  return async (ctx) => {
    if (opts.auth !== 'none' && (!opts.user || opts.password === undefined)) {
      throw new AppError('CREDENTIAL_MISSING', 'SMTP authentication needs a user and a password', 'credentialId');
    }
    if (opts.password) ctx.secret(opts.password);
    ctx.fact('smtpProtection', opts.protection);
    const tcp = await openRoute(ctx, opts.route, opts.host, opts.port);
    const ch = new SmtpChannel(tcp, ctx);
    try {
      let encrypted = false;
      if (opts.protection === 'smtps') {
        await secure(ctx, ch, opts, tcp, false);
        encrypted = true;
      }
      await ctx.step('banner', 'Greeting', async (mark) => {
        const r = await ch.read();
        if (r.code !== 220) throw new ProbeFailure(smtpDiagnosis.unexpectedReply('the connection', r.text));
        ctx.fact('smtpBanner', r.text);
        mark.detail(r.text);
      });
      let caps = await ehlo(ctx, ch, opts, 'EHLO');
      if (opts.protection === 'starttls-mandatory' || opts.protection === 'starttls-optional') {
        if (await starttls(ctx, ch, opts, caps, tcp)) {
          encrypted = true;
          caps = await ehlo(ctx, ch, opts, 'EHLO after TLS');
        }
      } else if (opts.protection === 'off' && offersStarttls(caps)) {
        ctx.log('the server offers STARTTLS; protection Off does not use it');
      }
      ctx.fact('smtpEncrypted', encrypted);
      await login(ctx, ch, opts, caps, encrypted);
      await checkAddresses(ctx, ch, opts);
      await ch.command('QUIT').catch(() => undefined);
    } finally {
      ch.socket.destroy();
      tcp.destroy();
    }
  };
}
