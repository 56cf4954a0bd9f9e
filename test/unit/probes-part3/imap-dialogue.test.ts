/**
 * The IMAP reading rules the probe depends on: an answer ends at its tagged line, a literal's bytes
 * never end it early (even when they hold a line that looks tagged), folder names in modified
 * UTF-7 as RFC 3501 spells them, capabilities and STATUS counts read from real server lines.
 */
import { describe, expect, it } from 'vitest';
import { capabilitiesIn, encodeFolderName, quoted, statusCounts, taggedEnd } from '../../../main/services/probes/mailbox/imap-dialogue';

describe('imap dialogue', () => {
  it('an answer ends at its tagged line, not before', () => {
    const end = taggedEnd('L3');
    expect(end('* LIST () "/" INBOX\r\n')).toBeUndefined();
    const text = '* LIST () "/" INBOX\r\nL3 OK done\r\nL4 extra';
    expect(end(text)).toBe(text.indexOf('L4'));
    expect(taggedEnd('L1', true)('+ \r\n')).toBe(4);
    expect(taggedEnd('L1')('+ \r\n')).toBeUndefined();
  });

  it('a literal is skipped by its byte count, even when it holds a tagged-looking line', () => {
    const literal = 'L3 OK fake\r\n';
    const text = `* LIST () "/" {${literal.length}}\r\n${literal}\r\nL3 OK real\r\n`;
    expect(taggedEnd('L3')(text)).toBe(text.length);
    expect(taggedEnd('L3')(text.slice(0, 30))).toBeUndefined();
  });

  it('folder names in modified UTF-7 (RFC 3501 §5.1.3 examples)', () => {
    expect(encodeFolderName('INBOX/Orders')).toBe('INBOX/Orders');
    expect(encodeFolderName('Tom & Jerry')).toBe('Tom &- Jerry');
    expect(encodeFolderName('Entwürfe')).toBe('Entw&APw-rfe');
    expect(encodeFolderName('~peter/mail/台北/日本語')).toBe('~peter/mail/&U,BTFw-/&ZeVnLIqe-');
  });

  it('quoting escapes quotes and backslashes and refuses line breaks', () => {
    expect(quoted('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(() => quoted('a\r\nL9 DELETE INBOX')).toThrow();
  });

  it('capabilities from the greeting’s response code or a CAPABILITY line; STATUS counts', () => {
    expect(capabilitiesIn(['* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] Dovecot ready.'])).toEqual(['IMAP4REV1', 'STARTTLS', 'LOGINDISABLED']);
    expect(capabilitiesIn(['* CAPABILITY IMAP4rev1 AUTH=PLAIN'])).toContain('AUTH=PLAIN');
    expect(statusCounts(['* STATUS "Sent Items" (MESSAGES 12 UNSEEN 0)'])).toEqual({ messages: 12, unseen: 0 });
    expect(statusCounts(['* STATUS INBOX (UNSEEN 3 MESSAGES 40)'])).toEqual({ messages: 40, unseen: 3 });
    expect(statusCounts(['* OK nothing'])).toEqual({});
  });
});
