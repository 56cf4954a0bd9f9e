/**
 * A line-based SMTP dialogue over a socket we own (plain, SMTPS, or upgraded by STARTTLS): one
 * command, one complete (possibly multi-line) reply, each logged to the transcript. Commands that
 * carry credentials are logged by the caller's safe text, never as sent.
 */
import type { Socket } from 'node:net';
import type { ProbeContext } from '../engine-types';
import { readMessage } from '../net/socket-io';
import { ProbeFailure } from '../probe-failure';
import { smtpDiagnosis } from '../../../../shared/probe/diagnosis-sftp-smtp';

export interface SmtpReply {
  code: number;
  lines: string[];
  /** `code text` of the last line, as CI's error would quote it. */
  text: string;
}

/** One reply (a greeting or EHLO answer with every capability line) is far below this. */
export const MAX_REPLY = 64 * 1024;

/** A reply is complete at the first line whose fourth character is a space (`250 ok`). */
function replyLength(buf: Buffer): number | undefined {
  const s = buf.toString('latin1');
  let start = 0;
  for (;;) {
    const end = s.indexOf('\n', start);
    if (end === -1) return undefined;
    const line = s.slice(start, end).replace(/\r$/, '');
    if (/^\d{3}(?: |$)/.test(line)) return end + 1;
    start = end + 1;
  }
}

export function parseReply(raw: string): SmtpReply {
  const lines = raw.split(/\r?\n/).filter((l) => l.length > 0);
  const last = lines[lines.length - 1] ?? '';
  return { code: Number(last.slice(0, 3)) || 0, lines: lines.map((l) => l.slice(4)), text: last.trim() };
}

export class SmtpChannel {
  constructor(
    public socket: Socket,
    private readonly ctx: ProbeContext,
  ) {}

  async read(): Promise<SmtpReply> {
    const raw = await readMessage(this.socket, {
      complete: (b) => replyLength(b),
      maxBytes: MAX_REPLY,
      signal: this.ctx.signal,
    }).catch((e: unknown) => {
      // Named here, not by the generic code table (which would call it "not HTTP").
      if ((e as { code?: string }).code === 'ERR_PROBE_TOO_LARGE') throw new ProbeFailure(smtpDiagnosis.replyTooLarge(MAX_REPLY));
      throw e;
    });
    const text = raw.toString('utf8');
    for (const l of text.split(/\r?\n/).filter(Boolean)) this.ctx.log(`< ${l}`);
    return parseReply(text);
  }

  /** Sends `line`; the transcript shows `shown` instead when the line carries a secret. */
  async command(line: string, shown: string = line): Promise<SmtpReply> {
    this.ctx.log(`> ${shown}`);
    this.socket.write(`${line}\r\n`);
    return this.read();
  }
}

/** EHLO keywords → the capability list (`AUTH PLAIN LOGIN` stays one entry). */
export function capabilitiesOf(ehlo: SmtpReply): string[] {
  return ehlo.lines.slice(1).map((l) => l.trim()).filter(Boolean);
}

export function authMechanisms(capabilities: string[]): string[] {
  const line = capabilities.find((c) => /^AUTH[ =]/i.test(c));
  return line ? line.slice(5).trim().toUpperCase().split(/\s+/).filter(Boolean) : [];
}

export function offersStarttls(capabilities: string[]): boolean {
  return capabilities.some((c) => c.toUpperCase() === 'STARTTLS');
}
