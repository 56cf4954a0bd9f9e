/**
 * How a failed FTP data transfer is named (the replies are vsftpd's, FileZilla Server's and
 * ProFTPD's own texts; the refusals reachable on loopback are also met in ftp-vsftpd.test.ts).
 */
import { FTPError } from 'basic-ftp';
import { describe, expect, it } from 'vitest';
import { dataFailure } from '../../../main/services/probes/ftp/ftp-runner';

const vars = { directory: '/in' };
const code = (e: unknown, protectedData = true) => dataFailure(e, protectedData, vars).finding.code;

describe('FTP data-connection failures', () => {
  it('a refused resumption is the session-reuse finding, with the server’s reply as literal', () => {
    const f = dataFailure(new FTPError({ code: 522, message: '522 SSL connection failed: session reuse required' }), true, vars).finding;
    expect(f.code).toBe('ftp.data.session-reuse');
    expect(f.literal).toBe('522 SSL connection failed: session reuse required');
    expect(code(new FTPError({ code: 450, message: '450 TLS session of data connection has not resumed or the session does not match the control connection' }))).toBe('ftp.data.session-reuse');
  });

  it('a data-connection TLS refusal or handshake error on an encrypted session is the data TLS finding', () => {
    expect(code(new FTPError({ code: 522, message: '522 SSL connection failed' }))).toBe('ftp.data.tls-failed');
    expect(code(Object.assign(new Error('socket hang up (data socket)'), { code: 'ECONNRESET' }))).toBe('ftp.data.tls-failed');
    expect(code(Object.assign(new Error('alert'), { code: 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION' }))).toBe('ftp.data.tls-failed');
  });

  it('plain sessions: TLS demanded on the data connection; 425 is the passive port; anything else a listing failure', () => {
    expect(code(new FTPError({ code: 522, message: '522 Data connections must be encrypted.' }), false)).toBe('ftp.data.tls-required');
    expect(code(new FTPError({ code: 425, message: '425 Failed to establish connection.' }), false)).toBe('ftp.passive.blocked');
    expect(code(new FTPError({ code: 550, message: '550 Failed to open directory.' }), false)).toBe('ftp.list.failed');
  });

  it('an error it cannot name is passed on, not hidden', () => {
    expect(() => dataFailure(new Error('boom'), false, vars)).toThrow('boom');
  });
});
