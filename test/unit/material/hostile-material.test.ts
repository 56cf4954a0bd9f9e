/**
 * What `npm run fuzz` found in the material parsers, kept as regressions: PEM scanning that restarted
 * at every BEGIN line, and key files that name their own key-derivation cost (bcrypt rounds, PBKDF2
 * and PKCS#12 KDF iterations), refused past a bound before any of that work runs.
 */
import { pemLine } from '../../support/pem-block';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { readCertificates } from '../../../main/services/material/cert-read';
import { forgePkcs12Key, nativePkcs12Key } from '../../../main/services/material/kdf-budget';
import { MAX_BCRYPT_ROUNDS, opensshRounds, pkcs8Iterations } from '../../../main/services/material/kdf-cost';
import { readPrivateKeyPem, splitPemKey } from '../../../main/services/material/key-import';
import { findPemBlocks } from '../../../main/services/material/pem-blocks';
import { readPkcs12 } from '../../../main/services/material/pkcs12-read';
import { publicLineOf } from '../../../main/services/material/ssh-keys';

const dir = mkdtempSync(join(tmpdir(), 'hostile-material-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { cwd: dir, stdio: 'ignore' });
const code = (f: () => unknown) => {
  try {
    f();
    return 'ok';
  } catch (e) {
    return (e as { code?: string }).code ?? (e as Error).name;
  }
};

describe('PEM blocks', () => {
  it('finds every complete block in order, skipping a BEGIN without its END', () => {
    const text = `junk-----BEGIN CERTIFICATE-----\nAAA\n-----END CERTIFICATE-----\n${pemLine('BEGIN', 'RSA PRIVATE KEY')}\nK\n${pemLine('END', 'RSA PRIVATE KEY')}\n-----BEGIN CERTIFICATE-----\nBBB\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nno end`;
    expect(findPemBlocks(text, ['CERTIFICATE']).map((b) => b.body.trim())).toEqual(['AAA', 'BBB']);
    const split = splitPemKey(text);
    expect(split.keyPem).toBe(`${pemLine('BEGIN', 'RSA PRIVATE KEY')}\nK\n${pemLine('END', 'RSA PRIVATE KEY')}\n`);
    expect(split.rest).not.toContain('PRIVATE KEY');
    expect(findPemBlocks('-----BEGIN CERTIFICATE-----'.repeat(50_000), ['CERTIFICATE'])).toEqual([]);
  });

  it('a file of 40,000 BEGIN lines and no END is refused as unreadable, not scanned for minutes', () => {
    expect(code(() => readCertificates('-----BEGIN CERTIFICATE-----\nMIIB'.repeat(40_000)))).toBe('CERT_UNREADABLE');
    expect(code(() => readCertificates('-----BEGIN PKCS7-----\nMIIB'.repeat(40_000)))).toBe('CERT_UNREADABLE');
    expect(splitPemKey(`${pemLine('BEGIN', 'PRIVATE KEY')}`.repeat(40_000)).keyPem).toBeUndefined();
  });
});

describe('an OpenSSH key file that declares no key', () => {
  it('is refused as unreadable (ssh2 hands back nothing for it; the 10,000-input fuzz run found it)', () => {
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', 'nokeys']);
    const pem = readFileSync(join(dir, 'nokeys'), 'utf8');
    const body = Buffer.from(pem.split('\n').filter((l) => l && !l.startsWith('-----')).join(''), 'base64');
    // "openssh-key-v1\0", cipher "none", kdf "none", empty kdf options, then the key count.
    body.writeUInt32BE(0, 15 + 8 + 8 + 4);
    const empty = `${pemLine('BEGIN', 'OPENSSH PRIVATE KEY')}\n${body.toString('base64')}\n${pemLine('END', 'OPENSSH PRIVATE KEY')}\n`;
    expect(code(() => publicLineOf(empty))).toBe('KEY_UNREADABLE');
    expect(publicLineOf(pem)).toMatch(/^ssh-ed25519 AAAA/);
  });
});

describe('key-derivation cost named by the file', () => {
  it(`OpenSSH: ${MAX_BCRYPT_ROUNDS} bcrypt rounds are read, more are refused before the KDF runs`, () => {
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-a', String(MAX_BCRYPT_ROUNDS + 1), '-N', 'pw', '-f', 'costly']);
    const costly = readFileSync(join(dir, 'costly'), 'utf8');
    expect(opensshRounds(costly)).toBe(MAX_BCRYPT_ROUNDS + 1);
    expect(code(() => publicLineOf(costly, 'pw'))).toBe('KEY_TOO_COSTLY');
    run('ssh-keygen', ['-q', '-t', 'ed25519', '-a', '2', '-N', 'pw', '-f', 'cheap']);
    expect(publicLineOf(readFileSync(join(dir, 'cheap'), 'utf8'), 'pw')).toMatch(/^ssh-ed25519 AAAA/);
  });

  it('encrypted PKCS#8: 2,048 PBKDF2 iterations (OpenSSL) import, 300,000 are refused', () => {
    run('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', 'k.pem']);
    run('openssl', ['pkcs8', '-topk8', '-in', 'k.pem', '-out', 'normal.pem', '-passout', 'pass:pw']);
    run('openssl', ['pkcs8', '-topk8', '-in', 'k.pem', '-out', 'costly.pem', '-passout', 'pass:pw', '-iter', '300000']);
    const normal = readFileSync(join(dir, 'normal.pem'), 'utf8');
    const costly = readFileSync(join(dir, 'costly.pem'), 'utf8');
    expect(pkcs8Iterations(normal)).toBe(2048);
    expect(readPrivateKeyPem(normal, 'pw').pkcs8Pem).toContain('BEGIN PRIVATE KEY');
    expect(pkcs8Iterations(costly)).toBe(300_000);
    expect(code(() => readPrivateKeyPem(costly, 'pw'))).toBe('KEY_TOO_COSTLY');
  });

  it('PKCS#12: OpenSSL defaults import; a file asking for 150,000 MAC and bag iterations is refused', () => {
    run('openssl', ['req', '-x509', '-key', 'k.pem', '-out', 'c.pem', '-days', '2', '-subj', '/CN=kdf']);
    run('openssl', ['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-passout', 'pass:pw', '-out', 'normal.p12']);
    run('openssl', ['pkcs12', '-export', '-inkey', 'k.pem', '-in', 'c.pem', '-passout', 'pass:pw', '-iter', '150000', '-out', 'costly.p12']);
    expect(readPkcs12(readFileSync(join(dir, 'normal.p12')), 'pw').certificatesDer).toHaveLength(1);
    expect(code(() => readPkcs12(readFileSync(join(dir, 'costly.p12')), 'pw'))).toBe('P12_TOO_COSTLY');
  });
});

describe('the native PKCS#12 KDF', () => {
  it('derives exactly what forge derives, for every id, digest, salt, password and length', () => {
    const md = { sha1: forge.md.sha1, sha256: forge.md.sha256, sha512: forge.md.sha512 };
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        fc.uint8Array({ maxLength: 40 }),
        fc.constantFrom(1, 2, 3),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 100 }),
        fc.constantFrom('sha1', 'sha256', 'sha512') as fc.Arbitrary<keyof typeof md>,
        (password, salt, id, iter, n, alg) => {
          const s = () => forge.util.createBuffer(Buffer.from(salt).toString('binary'));
          const a = (nativePkcs12Key(password, s(), id, iter, n, md[alg].create()) as forge.util.ByteBuffer).toHex();
          const b = (forgePkcs12Key(password, s(), id, iter, n, md[alg].create()) as forge.util.ByteBuffer).toHex();
          expect(a).toBe(b);
        },
      ),
      { numRuns: 200, seed: 42 },
    );
  });
});
