/**
 * The IMAP side of the line dialogue: tagged commands and their answers (untagged lines, literals
 * `{n}` skipped by count, so a folder name sent as a literal cannot end an answer early),
 * capabilities, quoted strings and modified UTF-7 folder names (RFC 3501 §5.1.3).
 */
import { firstLine, type AnswerEnd, type MailLines } from './mail-lines';

export interface ImapAnswer {
  /** OK, NO, BAD, or '+' for a continuation request. */
  status: string;
  /** The tagged line without its tag ("NO [AUTHENTICATIONFAILED] Authentication failed."). */
  text: string;
  untagged: string[];
}

/** The answer ends at the line tagged `tag` (or a `+` continuation when one is expected). */
export function taggedEnd(tag: string, continuation = false): AnswerEnd {
  // Where the scan stopped: the next unread byte and the start of the (logical) line it is in.
  let pos = 0;
  let lineStart = 0;
  let searched = 0;
  return (text) => {
    for (;;) {
      if (pos > text.length) return undefined;
      const nl = text.indexOf('\n', Math.max(pos, searched));
      if (nl === -1) {
        searched = text.length;
        return undefined;
      }
      const literal = /\{(\d+)\+?\}\r?$/.exec(text.slice(pos, nl));
      if (literal) {
        pos = nl + 1 + Number(literal[1]);
        continue;
      }
      const line = text.slice(lineStart, nl);
      if (line.startsWith(`${tag} `) || (continuation && line.startsWith('+'))) return nl + 1;
      pos = lineStart = nl + 1;
    }
  };
}

export class ImapDialogue {
  private n = 0;
  constructor(readonly lines: MailLines) {}

  async greeting(): Promise<string> {
    return (await this.lines.read(firstLine()))[0] ?? '';
  }

  /** Sends a tagged command; `shown` replaces it in the transcript; `continuation` stops at a `+`. */
  async command(command: string, shown = command, continuation = false): Promise<ImapAnswer> {
    const tag = `L${++this.n}`;
    this.lines.write(`${tag} ${command}`, `${tag} ${shown}`);
    return this.answer(tag, continuation);
  }

  /** Sends a tagged command without waiting for its answer (LOGOUT). */
  send(command: string): void {
    this.lines.write(`L${++this.n} ${command}`);
  }

  /** Continues a command after a `+` (an AUTHENTICATE step). */
  async continueWith(line: string, shown: string): Promise<ImapAnswer> {
    this.lines.write(line, shown);
    return this.answer(`L${this.n}`, true);
  }

  private async answer(tag: string, continuation: boolean): Promise<ImapAnswer> {
    const lines = await this.lines.read(taggedEnd(tag, continuation));
    const last = lines[lines.length - 1] ?? '';
    if (last.startsWith('+')) return { status: '+', text: last.slice(1).trim(), untagged: lines.slice(0, -1) };
    const text = last.slice(tag.length + 1).trim();
    return { status: text.split(' ')[0]?.toUpperCase() ?? '', text, untagged: lines.slice(0, -1) };
  }
}

/** Capabilities from `* CAPABILITY …` lines or a `[CAPABILITY …]` response code, upper case. */
export function capabilitiesIn(lines: string[]): string[] {
  for (const l of lines) {
    const m = /^\* CAPABILITY (.*)$/i.exec(l) ?? /\[CAPABILITY ([^\]]*)\]/i.exec(l);
    if (m) return m[1]!.trim().toUpperCase().split(/\s+/).filter(Boolean);
  }
  return [];
}

/** An IMAP quoted string; CR, LF and NUL cannot be quoted (no folder, user or password holds them). */
export function quoted(value: string): string {
  if (/[\r\n\0]/.test(value)) throw new Error('a line break cannot be sent in an IMAP string');
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Modified UTF-7 as IMAP names folders: printable ASCII as is, `&` as `&-`, the rest as `&…-`. */
export function encodeFolderName(name: string): string {
  let out = '';
  let pending = '';
  const flush = () => {
    if (!pending) return;
    const utf16be = Buffer.from(pending, 'utf16le').swap16();
    out += `&${utf16be.toString('base64').replace(/=+$/, '').replace(/\//g, ',')}-`;
    pending = '';
  };
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code >= 0x20 && code <= 0x7e) {
      flush();
      out += ch === '&' ? '&-' : ch;
    } else pending += ch;
  }
  flush();
  return out;
}

/** `MESSAGES 12 UNSEEN 3` from `* STATUS "INBOX" (MESSAGES 12 UNSEEN 3)`. */
export function statusCounts(untagged: string[]): { messages?: number; unseen?: number } {
  const line = untagged.find((l) => /^\* STATUS /i.test(l));
  const items = line ? /\(([^()]*)\)\s*$/.exec(line)?.[1] ?? '' : '';
  const num = (key: string) => {
    const m = new RegExp(`\\b${key} (\\d+)`, 'i').exec(items);
    return m ? Number(m[1]) : undefined;
  };
  const messages = num('MESSAGES');
  const unseen = num('UNSEEN');
  return { ...(messages !== undefined ? { messages } : {}), ...(unseen !== undefined ? { unseen } : {}) };
}
