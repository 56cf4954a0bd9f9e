import { describe, expect, it } from 'vitest';
import { DIAGNOSIS } from '../../../shared/probe/diagnosis-catalogue';
import { codeForNodeError, diagnose, explainNodeError, isKnownCode } from '../../../shared/probe/diagnosis';
import { sftpDiagnosis, smtpDiagnosis } from '../../../shared/probe/diagnosis-sftp-smtp';
import { WHERE_TO_FIX, type Finding } from '../../../shared/probe/probe-types';

const RAW = [
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA',
  'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'ERR_SSL_WRONG_VERSION_NUMBER',
  'ERR_SSL_UNSUPPORTED_PROTOCOL', 'ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'EAI_AGAIN',
];

describe('diagnosis catalogue', () => {
  it('gives every code a cause, a fix and a place to fix it', () => {
    for (const [code, e] of Object.entries(DIAGNOSIS)) {
      expect(e.cause.length, code).toBeGreaterThan(10);
      expect(e.fix.length, code).toBeGreaterThan(10);
      expect(WHERE_TO_FIX).toContain(e.whereToFix);
    }
  });

  it('never suggests switching verification off', () => {
    const off = /(disabl|switch(ing)? off|turn(ing)? off|skip|deactivat|uncheck|ignor|bypass|insecure|rejectUnauthorized|-k\b|--insecure).{0,40}(verif|validat|certificate check|trust)|(verif|validat)\w*.{0,30}\b(off|disabled?|false|skipped)\b/i;
    for (const [code, e] of Object.entries(DIAGNOSIS)) {
      expect(off.test(e.fix), `${code}: ${e.fix}`).toBe(false);
      expect(off.test(e.cause), `${code}: ${e.cause}`).toBe(false);
    }
    // The SFTP and SMTP probes' builders are held to the same rule.
    for (const [name, build] of Object.entries({ ...sftpDiagnosis, ...smtpDiagnosis }) as [string, (...a: unknown[]) => Finding][]) {
      let f: Finding;
      try {
        f = build(...Array.from({ length: build.length }, () => 'x'));
      } catch {
        f = build(...Array.from({ length: build.length }, () => ['x']));
      }
      expect(off.test(f.fix), `${name}: ${f.fix}`).toBe(false);
    }
    // The guard itself can fail:
    expect(off.test('Switch off Validate Server Certificate')).toBe(true);
  });

  it('carries the literal messages of the real systems', () => {
    expect(diagnose('tls.pkix-path', { host: 'h', root: 'R', fingerprint: 'AA' }).literal).toMatch(/^PKIX path building failed/);
    expect(diagnose('http.401-inbound-basic').literal).toContain('unauthorized_user');
    expect(diagnose('tls.pkix-path', { host: 'h', root: 'R', fingerprint: 'AA' }).fix).toContain('Keystore → Add → Certificate');
    expect(diagnose('tls.pkix-path', { host: 'h', root: 'R', fingerprint: 'AA' }).whereToFix).toBe('ci-monitor');
  });

  it('fills placeholders and never leaves one', () => {
    const f = diagnose('tls.hostname-mismatch', { host: 'a.example', names: 'b.example' });
    expect(f.message).toContain('a.example');
    expect(f.message).toContain('b.example');
    expect(f.fix).not.toMatch(/\{\w+\}/);
  });

  it('explains every raw Node error it can meet, keeping the raw code only as detail', () => {
    for (const raw of RAW) {
      const code = codeForNodeError(raw);
      expect(code, raw).not.toBe('probe.unexpected');
      expect(isKnownCode(code)).toBe(true);
      const f = explainNodeError(raw, { host: 'h', port: 1 });
      expect(f.message, raw).toContain(raw);
      expect(f.message.replace(raw, '').length, raw).toBeGreaterThan(20);
      expect(f.fix.length).toBeGreaterThan(10);
    }
  });

  it('still explains an error code it has never seen', () => {
    const f = explainNodeError('ERR_SOMETHING_NEW');
    expect(f.code).toBe('probe.unexpected');
    expect(f.message).toContain('ERR_SOMETHING_NEW');
    expect(f.fix.length).toBeGreaterThan(10);
    expect(codeForNodeError('ERR_SSL_TLSV1_ALERT_SOMETHING')).toBe('tls.handshake-failed');
  });
});
