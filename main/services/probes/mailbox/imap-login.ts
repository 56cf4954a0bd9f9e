/**
 * IMAP login the way CI's Mail sender adapter (JavaMail) does it: AUTHENTICATE PLAIN when offered,
 * else AUTHENTICATE LOGIN, else the LOGIN command unless the server announces LOGINDISABLED
 * (then JavaMail gives up with "No login methods supported!"). Every encoding that carries the
 * password is registered as a secret before it is written, and logged as `***`.
 */
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext } from '../engine-types';
import { ProbeFailure } from '../probe-failure';
import { quoted, type ImapAnswer, type ImapDialogue } from './imap-dialogue';

const b64 = (s: string): string => Buffer.from(s, 'utf8').toString('base64');

async function authenticate(ctx: ProbeContext, imap: ImapDialogue, mechanism: 'PLAIN' | 'LOGIN', caps: string[], user: string, password: string): Promise<ImapAnswer> {
  if (mechanism === 'PLAIN') {
    const token = b64(`\0${user}\0${password}`);
    ctx.secret(token);
    // SASL-IR: the token goes with the command; without it, after the server's `+`.
    if (caps.includes('SASL-IR')) return imap.command(`AUTHENTICATE PLAIN ${token}`, 'AUTHENTICATE PLAIN ***');
    const go = await imap.command('AUTHENTICATE PLAIN', 'AUTHENTICATE PLAIN', true);
    return go.status === '+' ? imap.continueWith(token, '***') : go;
  }
  const go = await imap.command('AUTHENTICATE LOGIN', 'AUTHENTICATE LOGIN', true);
  if (go.status !== '+') return go;
  const name = await imap.continueWith(b64(user), `${b64(user)} (user ${user})`);
  if (name.status !== '+') return name;
  const token = b64(password);
  ctx.secret(token);
  return imap.continueWith(token, '***');
}

export async function imapLogin(ctx: ProbeContext, imap: ImapDialogue, caps: string[], at: { user: string; password: string; encrypted: boolean }): Promise<void> {
  await ctx.step('auth', 'Log in', async (mark) => {
    const mechanisms = caps.filter((c) => c.startsWith('AUTH=')).map((c) => c.slice(5));
    ctx.fact('imapAuthMechanisms', mechanisms);
    const vars = { protocol: 'IMAP', user: at.user };
    let answer: ImapAnswer;
    let how: string;
    if (mechanisms.includes('PLAIN') || mechanisms.includes('LOGIN')) {
      how = mechanisms.includes('PLAIN') ? 'AUTHENTICATE PLAIN' : 'AUTHENTICATE LOGIN';
      if (!at.encrypted) ctx.finding(diagnose('mail.unencrypted-login', vars));
      answer = await authenticate(ctx, imap, mechanisms.includes('PLAIN') ? 'PLAIN' : 'LOGIN', caps, at.user, at.password);
    } else if (!caps.includes('LOGINDISABLED')) {
      how = 'LOGIN';
      if (!at.encrypted) ctx.finding(diagnose('mail.unencrypted-login', vars));
      answer = await imap.command(`LOGIN ${quoted(at.user)} ${quoted(at.password)}`, `LOGIN ${quoted(at.user)} ***`);
    } else if (!at.encrypted) {
      throw new ProbeFailure(diagnose('mail.plaintext-disabled', { ...vars, reply: 'the server announces LOGINDISABLED and no password mechanism before TLS', literal: 'No login methods supported!' }));
    } else {
      throw new ProbeFailure(diagnose('mail.auth.no-mechanism', { ...vars, offered: mechanisms.join(' ') || 'none' }));
    }
    if (answer.status === 'OK') return mark.detail(`${how} accepted for ${at.user}`);
    if (/\[PRIVACYREQUIRED\]/i.test(answer.text)) throw new ProbeFailure(diagnose('mail.plaintext-disabled', { ...vars, reply: answer.text, literal: answer.text }));
    throw new ProbeFailure(diagnose('mail.auth.failed', { ...vars, reply: answer.text }));
  });
}
