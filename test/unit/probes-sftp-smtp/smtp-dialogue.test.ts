/** SMTP reply parsing, EHLO capabilities and the AUTH mechanism CI's mail adapter would pick. */
import { describe, expect, it } from 'vitest';
import { authMechanisms, capabilitiesOf, offersStarttls, parseReply } from '../../../main/services/probes/smtp/smtp-channel';
import { chooseMechanism } from '../../../main/services/probes/smtp/smtp-auth';

describe('smtp dialogue pieces', () => {
  it('parses multi-line replies and capabilities', () => {
    const r = parseReply('250-mail.example.com Hello\r\n250-SIZE 1000\r\n250-STARTTLS\r\n250 AUTH PLAIN LOGIN CRAM-MD5\r\n');
    expect(r.code).toBe(250);
    expect(r.text).toBe('250 AUTH PLAIN LOGIN CRAM-MD5');
    const caps = capabilitiesOf(r);
    expect(caps).toEqual(['SIZE 1000', 'STARTTLS', 'AUTH PLAIN LOGIN CRAM-MD5']);
    expect(offersStarttls(caps)).toBe(true);
    expect(authMechanisms(caps)).toEqual(['PLAIN', 'LOGIN', 'CRAM-MD5']);
    expect(authMechanisms(['AUTH=LOGIN'])).toEqual(['LOGIN']);
    expect(offersStarttls(['SIZE 1'])).toBe(false);
  });

  it('picks PLAIN, then LOGIN for plain; CRAM-MD5 only for encrypted', () => {
    expect(chooseMechanism('plain', ['LOGIN', 'PLAIN'])).toBe('PLAIN');
    expect(chooseMechanism('plain', ['LOGIN'])).toBe('LOGIN');
    expect(chooseMechanism('plain', ['CRAM-MD5'])).toBeUndefined();
    expect(chooseMechanism('encrypted', ['PLAIN', 'CRAM-MD5'])).toBe('CRAM-MD5');
    expect(chooseMechanism('encrypted', ['PLAIN'])).toBeUndefined();
  });
});
