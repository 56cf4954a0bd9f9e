/**
 * The line dialogue under the IMAP and POP3 probes (as SMTP's, over a socket we own: plain, TLS
 * first, or upgraded by STARTTLS / STLS): one command, one complete answer, each line logged to the
 * transcript. Every answer is bounded in bytes; the engine's signal ends every read at the deadline.
 * Commands that carry credentials are logged by the caller's safe text, never as sent.
 */
import type { Socket } from 'node:net';
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext } from '../engine-types';
import { readMessage } from '../net/socket-io';
import { ProbeFailure } from '../probe-failure';

/** A greeting, CAPABILITY, LIST or STATUS answer is far below this. */
export const MAX_ANSWER = 64 * 1024;

/**
 * Returns the length of the complete answer in `text`, or undefined while incomplete. One per read:
 * it is called again with the same text grown, and may remember how far it has looked.
 */
export type AnswerEnd = (text: string) => number | undefined;

export class MailLines {
  constructor(
    public socket: Socket,
    private readonly ctx: ProbeContext,
    private readonly protocol: 'IMAP' | 'POP3',
  ) {}

  async read(end: AnswerEnd): Promise<string[]> {
    // Only the bytes new since the last chunk are decoded, and `end` resumes where it stopped: a
    // peer that sends an answer in thousands of small pieces costs linear time, not quadratic.
    let text = '';
    const complete = (b: Buffer) => {
      if (b.length > text.length) text += b.subarray(text.length).toString('latin1');
      return end(text);
    };
    const raw = await readMessage(this.socket, { complete, maxBytes: MAX_ANSWER, signal: this.ctx.signal }).catch((e: unknown) => {
      if ((e as { code?: string }).code === 'ERR_PROBE_TOO_LARGE') throw new ProbeFailure(diagnose('mail.reply-too-large', { bytes: MAX_ANSWER, protocol: this.protocol }));
      throw e;
    });
    const lines = raw.toString('utf8').split(/\r?\n/).filter((l) => l.length > 0);
    for (const l of lines) this.ctx.log(`< ${l.length > 300 ? `${l.slice(0, 300)}…` : l}`);
    return lines;
  }

  /** Writes `line`; the transcript shows `shown` instead when the line carries a secret. */
  write(line: string, shown: string = line): void {
    this.ctx.log(`> ${shown}`);
    this.socket.write(`${line}\r\n`);
  }
}

/** The end of the first complete line. */
export function firstLine(): AnswerEnd {
  let from = 0;
  return (text) => {
    const i = text.indexOf('\n', from);
    if (i === -1) from = text.length;
    return i === -1 ? undefined : i + 1;
  };
}
