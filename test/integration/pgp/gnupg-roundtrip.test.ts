/**
 * PGP keys proven with GnuPG: gpg imports the public and secret keyrings the app exports (the
 * secret one only with the export passphrase), gpg encrypts to our key and signs with a partner key
 * and the app's decrypt check reads and verifies it, the app signs and gpg verifies, and keys gpg
 * made import into the app with the same fingerprints.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePgpEnv, type PgpEnv } from './pgp-env';

const PASS = { PGP_PASS: 'key-passphrase-1' };
const EXPORT = { EXPORT_PASS: 'export-passphrase-2' };

// gpg and RSA in JavaScript on a shared two-core machine: generous per-test time, no timing asserted.
describe('PGP keys with GnuPG', { timeout: 120_000 }, () => {
  let env: PgpEnv;
  let ours: { fingerprint: string; keyId: string; expires: string };
  beforeAll(async () => {
    env = makePgpEnv();
    const r = await env.cli(['pgp', 'new', '--label', 'Acme CI', '--user-id', 'Acme Integration <ci@acme.example>', '--passphrase-env', 'PGP_PASS', '--json'], PASS);
    expect(r.code, r.stderr).toBe(0);
    ours = JSON.parse(r.stdout);
    const second = await env.cli(['pgp', 'new', '--label', 'Acme CI 2', '--user-id', 'Acme Billing <billing@acme.example>', '--generate', '--expires-days', '365']);
    expect(second.code, second.stderr).toBe(0);
  }, 120_000);
  afterAll(() => env?.cleanup());

  it('a new key has RSA 2048, the user ID, a two-year expiry and an encryption subkey', () => {
    const k = ours as unknown as Record<string, unknown> & { subkeys: { canEncrypt: boolean }[]; userIds: string[] };
    expect(k.algorithm).toBe('RSA 2048');
    expect(k.userIds).toEqual(['Acme Integration <ci@acme.example>']);
    const days = (Date.parse(ours.expires) - Date.parse(k.created as string)) / 86_400_000;
    expect(days).toBe(730);
    expect(k.subkeys.some((s) => s.canEncrypt)).toBe(true);
    expect(k.role).toBe('own');
  });

  it.each([false, true])('gpg imports the public keyring (binary: %s) with our fingerprints and expiry', async (binary) => {
    const out = join(env.work, binary ? 'public.gpg' : 'public.asc');
    const r = await env.cli(['pgp', 'export-public', 'Acme CI', 'Acme CI 2', '--out', out, ...(binary ? ['--binary'] : []), '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.upload.map((u: { mode: string }) => u.mode)).toEqual(['add', 'add-overwrite', 'replace']);
    const text = readFileSync(out);
    expect(text.toString('latin1').startsWith('-----BEGIN PGP PUBLIC KEY BLOCK-----')).toBe(!binary);
    if (!binary) expect(text.toString('utf8')).toMatch(/\n=[A-Za-z0-9+/]{4}\n-----END PGP PUBLIC KEY BLOCK-----/);
    env.gpg.run(['--import', out]);
    expect(env.gpg.fingerprints()).toEqual(expect.arrayContaining([ours.fingerprint.toUpperCase()]));
    const listed = env.gpg.run(['--with-colons', '--list-keys', ours.fingerprint]);
    const expiry = Number(/^pub:[^:]*:[^:]*:[^:]*:[^:]*:[^:]*:(\d+):/m.exec(listed)![1]) * 1000;
    expect(new Date(expiry).toISOString()).toBe(ours.expires);
    expect(listed).toMatch(/^uid:.*Acme Integration <ci@acme\.example>/m);
    expect(env.gpg.fingerprints(true)).toEqual([]);
  });

  it('gpg imports the secret keyring only with the export passphrase, both keys under it', async () => {
    const out = join(env.work, 'secret.asc');
    const r = await env.cli(['pgp', 'export-secret', 'Acme CI', 'Acme CI 2', '--out', out, '--passphrase-env', 'EXPORT_PASS'], EXPORT);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^-----BEGIN PGP PRIVATE KEY BLOCK-----/);
    expect(r.stdout).toMatch(/Secret Keys/);
    // A gpg home of its own, so the secret keys are new to it.
    env.gpg.run(['--import', out], { passphrase: EXPORT.EXPORT_PASS });
    const secrets = env.gpg.fingerprints(true);
    expect(secrets).toHaveLength(2);
    for (const fpr of secrets) {
      const wrong = env.gpg.status(['--local-user', fpr, '--sign', '--output', '-'], { passphrase: 'not-the-passphrase', input: 'x' });
      expect(wrong.status).not.toBe(0);
      const right = env.gpg.status(['--local-user', fpr, '--sign', '--output', '-'], { passphrase: EXPORT.EXPORT_PASS, input: 'x' });
      expect(right.status, right.out).toBe(0);
    }
    // The key's own passphrase is not the export's: the keyring really was re-protected.
    const own = env.gpg.status(['--local-user', ours.fingerprint, '--sign', '--output', '-'], { passphrase: PASS.PGP_PASS, input: 'x' });
    expect(own.status).not.toBe(0);
  });

  it('export-secret refuses an empty or short passphrase and a partner key', async () => {
    const out = join(env.work, 'bad.asc');
    const short = await env.cli(['pgp', 'export-secret', 'Acme CI', '--out', out, '--passphrase-env', 'P'], { P: 'short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/refuses unprotected secret keys|at least 8/);
  });

  it('gpg encrypts to our key and signs with its own key; the app decrypts and verifies', async () => {
    const partnerFpr = env.gpg.makeKey('Partner Sender <sender@partner.example>', 'rsa2048', 'sign,cert', { subkey: ['rsa2048', 'encr'] });
    const partnerPub = join(env.work, 'partner.asc');
    writeFileSync(partnerPub, env.gpg.run(['--armor', '--export', partnerFpr]));
    const imp = await env.cli(['pgp', 'import', partnerPub, '--label', 'Partner', '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout).imported[0].fingerprint).toBe(partnerFpr.toLowerCase());

    const plain = 'ORDERS;4711;2026-12-01\n';
    const msg = join(env.work, 'order.pgp');
    env.gpg.run(['--trust-model', 'always', '--local-user', partnerFpr, '--recipient', ours.fingerprint, '--sign', '--encrypt', '--output', msg], { input: plain });
    const r = await env.cli(['pgp', 'decrypt-check', msg, '--verify', 'Partner', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const check = JSON.parse(r.stdout);
    expect(check.decryptedWith).toBe('Acme CI');
    expect(check.signature).toBe('valid');
    expect(check.sha256).toBe(createHash('sha256').update(plain).digest('hex'));

    // Encrypted for a key we do not hold: the same failure CI's Decryptor would have.
    const other = join(env.work, 'other.pgp');
    env.gpg.run(['--trust-model', 'always', '--recipient', partnerFpr, '--encrypt', '--output', other], { input: plain });
    const miss = await env.cli(['pgp', 'decrypt-check', other]);
    expect(miss.code).toBe(1);
    expect(miss.stderr).toMatch(/none of your secret keys/);
  });

  it.each([false, true])('the app signs (detached: %s) and gpg verifies it', async (detached) => {
    const data = join(env.work, `payload-${detached}.xml`);
    writeFileSync(data, '<Order id="4711"/>\n');
    const sig = join(env.work, `payload-${detached}.asc`);
    const r = await env.cli(['pgp', 'sign', 'Acme CI', '--in', data, '--out', sig, ...(detached ? ['--detached'] : [])]);
    expect(r.code, r.stderr).toBe(0);
    const verify = env.gpg.status(['--status-fd', '1', '--verify', sig, ...(detached ? [data] : [])]);
    expect(verify.status, verify.out).toBe(0);
    expect(verify.out).toMatch(new RegExp(`VALIDSIG ${ours.fingerprint.toUpperCase()}|VALIDSIG [0-9A-F]+ .* ${ours.fingerprint.toUpperCase()}`));
    // A changed payload fails gpg's check: the signature covers the data.
    if (detached) {
      writeFileSync(data, '<Order id="4712"/>\n');
      expect(env.gpg.status(['--verify', sig, data]).status).not.toBe(0);
    }
  });

  it.each(['armored', 'binary'])('keys gpg made import with the same fingerprints (%s public and secret)', async (form) => {
    const uid = `Customer Legacy ${form} <legacy-${form}@acme.example>`;
    const passphrase = `gpg-pass-${form}`;
    const fpr = env.gpg.makeKey(uid, 'rsa2048', 'sign,cert', { subkey: ['rsa2048', 'encr'], passphrase });
    const armor = form === 'armored' ? ['--armor'] : [];
    const secretFile = join(env.work, `legacy-${form}-secret`);
    writeFileSync(secretFile, execGpg(env, [...armor, '--export-secret-keys', fpr], passphrase));
    const wrong = await env.cli(['pgp', 'import', secretFile, '--label', `wrong-${form}`, '--passphrase-env', 'PP'], { PP: 'nope-nope' });
    expect(wrong.code).toBe(1);
    expect((await env.services.pgp.list()).some((k) => k.label === `wrong-${form}`)).toBe(false);
    const r = await env.cli(['pgp', 'import', secretFile, '--label', `Legacy ${form}`, '--passphrase-env', 'PP', '--json'], { PP: passphrase });
    expect(r.code, r.stderr).toBe(0);
    const key = JSON.parse(r.stdout).imported[0];
    expect(key.fingerprint).toBe(fpr.toLowerCase());
    expect(key.role).toBe('own');
    expect(key.algorithm).toBe('RSA 2048');
    expect(key.subkeys[0].fingerprint.toUpperCase()).toBe(/^sub:[\s\S]*?^fpr:+([0-9A-F]{40}):/m.exec(env.gpg.run(['--with-colons', '--list-keys', fpr]))![1]);
    // And it goes back out under the export passphrase, readable by gpg again.
    const back = join(env.work, `legacy-${form}-back.asc`);
    expect((await env.cli(['pgp', 'export-secret', `Legacy ${form}`, '--out', back, '--passphrase-env', 'EXPORT_PASS'], EXPORT)).code).toBe(0);
    // Always with the CRC-24 line: without it GnuPG 2.2 misreads some armor (T7071).
    expect(readFileSync(back, 'utf8')).toMatch(/\n=[A-Za-z0-9+/]{4}\n-----END PGP PRIVATE KEY BLOCK-----/);
    const list = env.gpg.run(['--with-colons', '--import-options', 'show-only', '--import', back], { passphrase: EXPORT.EXPORT_PASS });
    expect(list).toContain(fpr);
  });
});

function execGpg(env: PgpEnv, args: string[], passphrase: string): Buffer {
  return execFileSync('gpg', ['--batch', '--pinentry-mode', 'loopback', '--passphrase', passphrase, ...args], { env: { ...process.env, GNUPGHOME: env.gpg.home } });
}
