/**
 * The whole catalogue, read as a consultant reads it: every diagnosis entry, every SFTP/SMTP
 * finding, every landscape rule, the certificate and PGP lint. No raw code or ISO timestamp in any
 * text; every place one of the real ones; a fix in this app names a field the direction panel has;
 * and the places once wrong stay right.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintCertificate } from '../../../shared/certs/lint-certificate';
import type { CertFacts } from '../../../shared/certs/cert-facts';
import { checkLandscape, findTemplate, instantiateTemplate, type Landscape, type Pathway } from '../../../shared/landscape';
import { lintPgpKey } from '../../../shared/pgp/pgp-lint';
import type { PgpKeyFacts } from '../../../shared/pgp/pgp-types';
import { DIAGNOSIS } from '../../../shared/probe/diagnosis-catalogue';
import { diagnose } from '../../../shared/probe/diagnosis';
import { sftpDiagnosis, smtpDiagnosis } from '../../../shared/probe/diagnosis-sftp-smtp';
import { ciSshFindings } from '../../../shared/probe/diagnosis-ssh-algorithms';
import { judgeCiSsh } from '../../../shared/ssh/ci-ssh-algorithms';
import { WHERE_TO_FIX, type Finding } from '../../../shared/probe/probe-types';
import { FIELD_LABELS } from '../../../renderer/src/diagram/config-fields';
import { rawTextProblems } from '../../support/human-text';

const ISO = '2026-03-04T05:06:07.000Z';
const VARS = { host: 'receiver.example.com', port: 443, date: ISO, subject: 'CN=receiver', issuer: 'CN=Issuing CA', root: 'CN=Root CA', detail: 'connection closed', stage: 'tls', path: '/x', status: 500, location: 'https://login.example.com/', ms: 10000, names: 'other.example.com', protocol: 'TLS 1.0', client: 'Cloud Integration', fingerprint: 'AB:CD', proxy: '10.0.0.5:3128', scheme: 'NTLM', user: 'proxyuser', source: 'the PAC file', pac: 'http://wpad/wpad.dat', answer: 'SOCKS x:1080', usages: 'clientAuth', what: 'digital signature', exchange: 'ECDHE_RSA', usage: 'digitalSignature', algorithm: 'RSA', bits: 1024, min: 2048, cipher: 'TLS_RSA_WITH_RC4_128_SHA', type: 'DH', days: 12, error: '', };

function textsOf(f: Pick<Finding, 'message' | 'fix'> & { literal?: string }): string {
  return [f.message, f.fix, f.literal ?? ''].join('\n');
}

function checkFinding(f: Finding): string[] {
  const problems = rawTextProblems(textsOf(f)).map((p) => `${f.code}: ${p}`);
  if (!WHERE_TO_FIX.includes(f.whereToFix)) problems.push(`${f.code}: place ${f.whereToFix}`);
  if (f.field !== undefined && f.whereToFix !== 'this-app') problems.push(`${f.code}: a field (${f.field}) but the fix is in ${f.whereToFix}`);
  if (f.field !== undefined && !(f.field in FIELD_LABELS)) problems.push(`${f.code}: field ${f.field} is not in the direction panel`);
  // The place and the words agree: a CI Monitor fix says where in the Monitor, an adapter fix names the adapter.
  if (f.whereToFix === 'ci-monitor' && !/Monitor|Manage Security|keystore|known_hosts|User Credentials|Security Material/i.test(f.fix)) problems.push(`${f.code}: placed in the CI Monitor, but the fix names nothing there: ${f.fix}`);
  if (f.whereToFix === 'iflow-adapter' && !/adapter/i.test(f.fix)) problems.push(`${f.code}: placed in the iFlow's adapter, but the fix does not name it: ${f.fix}`);
  return problems;
}

let n = 0;
const newId = () => `t-${++n}`;
const make = (id: string): Landscape => instantiateTemplate(findTemplate(id)!, { id: newId(), name: id, now: ISO, newId });

/** Pathway variants that between them raise every rule (checked below against the sources). */
function ruleFindings(): Finding[] {
  const out: Finding[] = [];
  for (const id of ['s4-sscv2', 'sftp-receiver', 'mail-receiver', 'successfactors-receiver']) {
    const base = make(id);
    base.tenant.runtimeHost = 'acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com';
    out.push(...checkLandscape(base));
    const variants = (p: Pathway): Partial<Pathway>[] => [
      {},
      { endpoint: '' },
      { endpoint: 'https://other.example.com/api/x' },
      { proxy: { type: 'on-premise', locationId: '', virtualHost: '' }, endpoint: 'https://real.corp:443/x' },
      { proxy: { type: 'on-premise', locationId: 'L', virtualHost: 'virtual:8000' }, endpoint: 'http://real.corp:8000/x', auth: 'client-certificate' },
      { proxy: { type: 'on-premise', locationId: 'L', virtualHost: 'virtual:22' }, endpoint: 'real.corp:22' },
      { auth: 'client-certificate', keystoreAlias: undefined },
      { auth: 'client-certificate', keystoreAlias: 'sap_x' },
      { auth: 'client-certificate', keystoreAlias: 'absent_alias' },
      { auth: 'public-key' },
      { adapter: 'sftp' as Pathway['adapter'] },
      { from: 'ghost' },
      { from: p.to, to: p.to },
      { protocol: 'sftp' },
      { smtp: { protection: 'smtps' } as Pathway['smtp'], proxy: { type: 'on-premise', locationId: 'L', virtualHost: 'v' } },
    ];
    for (const p of base.pathways) {
      for (const v of variants(p)) {
        const l: Landscape = { ...base, stage: 'production', ciKeystore: [{ alias: 'some_root', kind: 'certificate', pem: 'x' }] as Landscape['ciKeystore'], pathways: [{ ...p, ...v } as Pathway, { ...p, ...v } as Pathway] };
        out.push(...checkLandscape(l));
      }
    }
  }
  return out;
}

function ruleCodesInSources(): string[] {
  const dir = resolve(import.meta.dirname, '../../../shared/landscape');
  const codes = new Set<string>();
  for (const f of readdirSync(dir).filter((x) => x.startsWith('rules'))) for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'([A-Z][A-Z_]+)'/g)) codes.add(m[1]!);
  return [...codes];
}

describe('every finding is placed right and reads as text for people', () => {
  it('each diagnosis entry, filled with its variables', () => {
    const problems = Object.keys(DIAGNOSIS).flatMap((code) => checkFinding(diagnose(code, VARS)));
    expect(problems).toEqual([]);
  });

  it('each SFTP and SMTP finding', () => {
    const args: Record<string, unknown[]> = { hostKeyChangedForCi: ['[h]:2222 ssh-ed25519 AAAA', 'SHA256:x'], hostKeyChangedSincePin: ['SHA256:new', 'SHA256:old'], authKeyNotAuthorized: ['ftp', 'ssh-ed25519 AAAA'], authMethodNotOffered: ['publickey', ['password']], authMechanismMissing: ['PLAIN', ['CRAM-MD5']], senderRejected: ['a@b.example', '553 no'], recipientRejected: ['a@b.example', '550 no'], badCredentials: ['535 no', 'mailer'], unexpectedReply: ['RCPT TO', '451 later'], replyTooLarge: [65536], authRsaSha1Refused: [false] };
    const all = [...Object.entries(sftpDiagnosis), ...Object.entries(smtpDiagnosis)].map(([name, fn]) => (fn as (...a: unknown[]) => Finding)(...(args[name] ?? ['sample'])));
    // CI's SSH algorithm verdicts: deprecated-only and nothing in common.
    for (const offers of [{ kex: ['diffie-hellman-group1-sha1'], hostKey: ['ssh-rsa'] }, { cipher: ['chacha20-poly1305@openssh.com'] }]) all.push(...ciSshFindings(judgeCiSsh(offers), offers));
    expect(all.length).toBeGreaterThan(22);
    expect(all.flatMap(checkFinding)).toEqual([]);
  });

  it('each landscape rule (every rule code in the sources is raised at least once)', () => {
    const found = ruleFindings();
    const raised = new Set(found.map((f) => f.code));
    expect(ruleCodesInSources().filter((c) => !raised.has(c))).toEqual([]);
    expect([...new Map(found.map((f) => [f.code + f.message, f])).values()].flatMap(checkFinding)).toEqual([]);
  });

  it('certificate and PGP lint: dates in the one format, no raw code', () => {
    const now = new Date(ISO);
    const facts = (notBefore: string, notAfter: string): CertFacts => ({ subject: 'CN=x', issuer: 'CN=x', serialNumber: '01', notBefore, notAfter, selfSigned: true, isCa: false, signatureHash: 'SHA-1', keyAlgorithm: 'RSA', keyBits: 1024, extendedKeyUsage: ['serverAuth'], fingerprintSha256: 'AB', publicKeySha256: 'ab', derBytes: 900 });
    const cert = [
      ...lintCertificate(facts('2025-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'), { now, role: 'client', requireCaSigned: true }),
      ...lintCertificate(facts('2026-03-01T00:00:00.000Z', '2026-03-20T00:00:00.000Z'), { now, role: 'ca' }),
      ...lintCertificate(facts('2026-05-01T00:00:00.000Z', '2027-03-20T00:00:00.000Z'), { now }),
    ];
    const key = { fingerprint: 'a'.repeat(40), keyId: 'A'.repeat(16), userIds: ['x'], primaryUserId: 'x', algorithm: 'rsa', family: 'rsa' as const, bits: 2048, created: ISO, revoked: false, canEncrypt: true, canSign: true, hasSecretKey: false } satisfies Omit<PgpKeyFacts, 'expires' | 'subkeys'>;
    const pgp = [
      ...lintPgpKey({ ...key, expires: '2026-01-01T00:00:00.000Z', subkeys: [] }, now),
      ...lintPgpKey({ ...key, expires: '2026-03-10T00:00:00.000Z', subkeys: [{ keyId: 'B'.repeat(16), algorithm: 'rsa', family: 'rsa', bits: 2048, created: ISO, expires: '2026-01-01T00:00:00.000Z', revoked: false, canEncrypt: true, canSign: false }] as never }, now),
    ];
    expect(cert.map((f) => f.code)).toEqual(expect.arrayContaining(['expired', 'expiring-soon', 'not-yet-valid']));
    expect(pgp.map((f) => f.code)).toEqual(expect.arrayContaining(['pgp-expired', 'pgp-expiring']));
    expect([...cert, ...pgp].flatMap((f) => rawTextProblems(`${f.message}\n${f.fix}\n${f.whereToFix}`))).toEqual([]);
  });

  it('the places that were wrong stay right', () => {
    const rules = new Map(ruleFindings().map((f) => [f.code, f]));
    const place = (f: Finding | undefined) => f && [f.whereToFix, f.field].filter(Boolean).join(' ');
    expect(place(rules.get('ON_PREMISE_VIRTUAL_HOST'))).toBe('iflow-adapter');
    expect(place(rules.get('ON_PREMISE_HTTP_SCHEME'))).toBe('iflow-adapter');
    expect(place(rules.get('ON_PREMISE_VIRTUAL_HOST_MISSING'))).toBe('this-app virtualHost');
    expect(place(rules.get('CREDENTIAL_NAME_MISSING'))).toBe('this-app credentialName');
    expect(place(rules.get('KEYSTORE_ALIAS_MISSING'))).toBe('this-app keystoreAlias');
    expect(place(rules.get('ENDPOINT_MISSING'))).toBe('this-app endpoint');
    expect(place(diagnose('model.credential-missing', VARS))).toBe('this-app credentialId');
    expect(diagnose('model.credential-missing', VARS).fix).toContain('Credential field');
    expect(place(diagnose('http.404-inbound', VARS))).toBe('iflow-adapter');
    expect(place(smtpDiagnosis.tlsRequiredFirst('530 first'))).toBe('iflow-adapter');
    expect(place(sftpDiagnosis.authMethodNotOffered('publickey', []))).toBe('iflow-adapter');
  });

  it('the scanner itself finds what it looks for', () => {
    expect(rawTextProblems('see tls.untrusted-sender, subject.c and ON_PREMISE_VIRTUAL_HOST on 2026-12-01T10:00:00Z')).toHaveLength(4);
    expect(rawTextProblems('smtp.acme.example.com, http://wpad/proxy.pac, S4_COMM_USER, 1 Dec 2026, 10:00 UTC')).toEqual([]);
  });
});
