/**
 * SMTP AUTH the way CI's mail adapter does it: "Plain User/Password" uses PLAIN (or LOGIN when
 * PLAIN is not offered), "Encrypted User/Password" uses CRAM-MD5. Every encoding that carries the
 * password is registered as a secret before it is written, and logged as `***`.
 */
import { createHmac } from 'node:crypto';
import type { ProbeContext } from '../engine-types';
import type { SmtpChannel, SmtpReply } from './smtp-channel';

export type SmtpAuthMode = 'none' | 'plain' | 'encrypted';

export function chooseMechanism(mode: SmtpAuthMode, offered: string[]): string | undefined {
  if (mode === 'plain') return offered.includes('PLAIN') ? 'PLAIN' : offered.includes('LOGIN') ? 'LOGIN' : undefined;
  if (mode === 'encrypted') return offered.includes('CRAM-MD5') ? 'CRAM-MD5' : undefined;
  return undefined;
}

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

export async function authenticate(
  ch: SmtpChannel,
  ctx: ProbeContext,
  mechanism: string,
  user: string,
  password: string,
): Promise<SmtpReply> {
  ctx.secret(password);
  if (mechanism === 'PLAIN') {
    const token = b64(`\0${user}\0${password}`);
    ctx.secret(token);
    return ch.command(`AUTH PLAIN ${token}`, 'AUTH PLAIN ***');
  }
  if (mechanism === 'LOGIN') {
    let r = await ch.command('AUTH LOGIN');
    if (r.code !== 334) return r;
    r = await ch.command(b64(user), `${b64(user)} (user ${user})`);
    if (r.code !== 334) return r;
    const token = b64(password);
    ctx.secret(token);
    return ch.command(token, '***');
  }
  // CRAM-MD5: the password never crosses the wire, only an HMAC over the server's challenge.
  const r = await ch.command('AUTH CRAM-MD5');
  if (r.code !== 334) return r;
  const challenge = Buffer.from(r.lines[r.lines.length - 1] ?? '', 'base64').toString('latin1');
  const digest = createHmac('md5', password).update(challenge, 'latin1').digest('hex');
  const answer = b64(`${user} ${digest}`);
  return ch.command(answer, `(CRAM-MD5 response for ${user})`);
}
