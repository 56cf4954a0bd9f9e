/**
 * Where a POP3 answer ends, fed the way a socket delivers it (one byte at a time, the same reader
 * called again with the text grown): a multi-line answer at its lone "." line, even when the dot
 * and its line end arrive apart; a dot-stuffed line ("..") does not end it; -ERR is one line.
 */
import { describe, expect, it } from 'vitest';
import { multiLine } from '../../../main/services/probes/mailbox/pop3-runner';

/** The first length at which the reader says the answer is complete, feeding one more byte each time. */
function endWhenFed(text: string): number | undefined {
  const end = multiLine();
  for (let n = 1; n <= text.length; n++) {
    const at = end(text.slice(0, n));
    if (at !== undefined) return at;
  }
  return undefined;
}

describe('POP3 answer end', () => {
  it('a CAPA answer ends after its "." line, however it is cut', () => {
    const capa = '+OK\r\nSTLS\r\nUSER\r\nSASL PLAIN\r\n.\r\n';
    expect(endWhenFed(capa + '+OK next')).toBe(capa.length);
    expect(multiLine()(capa)).toBe(capa.length);
    expect(endWhenFed('+OK\nTOP\n.\n')).toBe('+OK\nTOP\n.\n'.length);
  });

  it('a dot-stuffed line does not end it; an unfinished answer stays open', () => {
    const stuffed = '+OK\r\n..hidden\r\n.\r\n';
    expect(endWhenFed(stuffed)).toBe(stuffed.length);
    expect(endWhenFed('+OK\r\nSTLS\r\n.')).toBeUndefined();
  });

  it('-ERR is a single line', () => {
    expect(endWhenFed('-ERR unknown command\r\nmore')).toBe('-ERR unknown command\r\n'.length);
  });
});
