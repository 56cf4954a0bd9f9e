/**
 * PGP lint: each mistake made at test time — by GnuPG (DSA/Elgamal, EC, sign-only, unprotected,
 * two passphrases, overlapping e-mails) and by the app (expired, expiring) — and found with the
 * finding's code, and CI's literal message where CI has one.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePgpEnv, type PgpEnv } from './pgp-env';

type Finding = { code: string; severity: string; key?: string; literal?: string; message: string };
const DAY = 86_400_000;

describe('PGP lint finds each mistake', { timeout: 120_000 }, () => {
  let env: PgpEnv;
  const exported = (name: string, args: string[], passphrase = '') => {
    const file = join(env.work, name);
    writeFileSync(file, env.gpg.run(args, { passphrase }));
    return file;
  };
  async function lint(argv: string[], vars: Record<string, string> = {}): Promise<{ code: number; findings: Finding[] }> {
    const r = await env.cli(['pgp', 'lint', ...argv, '--json'], vars);
    expect(r.stderr).toBe('');
    return { code: r.code, findings: JSON.parse(r.stdout).findings };
  }
  async function importPartner(uid: string, algo: string, usage: string, subkey?: [string, string]) {
    const fpr = env.gpg.makeKey(uid, algo, usage, subkey ? { subkey } : {});
    const file = exported(`${fpr}.asc`, ['--armor', '--export', fpr]);
    const label = uid.replace(/ <.*/, '');
    const r = await env.cli(['pgp', 'import', file, '--label', label]);
    expect(r.code, r.stderr).toBe(0);
    return label;
  }

  beforeAll(() => {
    env = makePgpEnv();
  });
  afterAll(() => env?.cleanup());

  it('user IDs that pick another key by substring, also without a pathway', async () => {
    const a = await importPartner('Acme Orders <orders@acme.example>', 'rsa2048', 'sign,cert', ['rsa2048', 'encr']);
    const b = await importPartner('Acme EU Orders <eu-orders@acme.example>', 'rsa2048', 'sign,cert', ['rsa2048', 'encr']);
    const { findings } = await lint([a, b]);
    const amb = findings.filter((f) => f.code === 'pgp-userid-ambiguous');
    expect(amb.map((f) => f.key)).toEqual([a]);
    expect(amb[0]!.message).toMatch(/"orders@acme\.example"/);
    expect(amb[0]!.message).toContain(b);
    // Each key alone is fine.
    expect((await lint([b])).findings.filter((f) => f.code === 'pgp-userid-ambiguous')).toEqual([]);
  });

  it('expired (error) and expiring within 14 days (warning, CI "Critical")', async () => {
    const now = Date.now();
    await env.services.pgp.create({ label: 'Old', userId: 'Old <old@acme.example>', expiresDays: 10, createdAt: new Date(now - 100 * DAY) });
    await env.services.pgp.create({ label: 'Soon', userId: 'Soon <soon@acme.example>', expiresDays: 730, createdAt: new Date(now - 720 * DAY) });
    await env.services.pgp.create({ label: 'Fresh', userId: 'Fresh <fresh@acme.example>' });
    const old = await lint(['Old']);
    expect(old.code).toBe(1);
    expect(old.findings.find((f) => f.code === 'pgp-expired')?.severity).toBe('error');
    const soon = await lint(['Soon']);
    expect(soon.code).toBe(0);
    const f = soon.findings.find((x) => x.code === 'pgp-expiring')!;
    expect(f.severity).toBe('warning');
    expect(f.message).toMatch(/Critical/);
    expect(f.message).toMatch(/in 1[01] day/);
    const fresh = await lint(['Fresh']);
    expect(fresh).toEqual({ code: 0, findings: [] });
  });

  it('a partner key without an encryption-capable subkey is an error (exit 1)', async () => {
    const label = await importPartner('Sign Only <signonly@partner.example>', 'rsa2048', 'sign,cert');
    const r = await lint([label]);
    expect(r.code).toBe(1);
    expect(r.findings.find((f) => f.code === 'pgp-no-encryption-key')?.severity).toBe('error');
  });

  it('elliptic-curve keys are warned', async () => {
    const label = await importPartner('Curve <curve@partner.example>', 'ed25519', 'sign,cert', ['cv25519', 'encr']);
    const r = await lint([label]);
    expect(r.findings.find((f) => f.code === 'pgp-ec-key')?.severity).toBe('warning');
    expect(r.findings.some((f) => f.code === 'pgp-no-encryption-key')).toBe(false);
  });

  it('DSA/Elgamal: DSA-1024 warned, the pair explained', async () => {
    const label = await importPartner('Legacy DSA <dsa@partner.example>', 'dsa1024', 'sign,cert', ['elg2048', 'encr']);
    const r = await lint([label]);
    expect(r.findings.find((f) => f.code === 'pgp-dsa-small')?.severity).toBe('warning');
    expect(r.findings.find((f) => f.code === 'pgp-dsa-elgamal')?.severity).toBe('info');
    expect(r.findings.some((f) => f.code === 'pgp-no-encryption-key')).toBe(false);
  });

  it('an unprotected secret keyring file is refused; importing it locks the key', async () => {
    const fpr = env.gpg.makeKey('Bare Secret <bare@acme.example>', 'rsa2048', 'sign,cert', { subkey: ['rsa2048', 'encr'] });
    const file = exported('bare-secret.asc', ['--armor', '--export-secret-keys', fpr]);
    const r = await lint(['--file', file, '--as', 'secret']);
    expect(r.code).toBe(1);
    expect(r.findings.find((f) => f.code === 'pgp-secret-unprotected')?.severity).toBe('error');
    const imp = await env.cli(['pgp', 'import', file, '--label', 'Bare', '--json']);
    expect(imp.code, imp.stderr).toBe(0);
    expect(JSON.parse(imp.stdout).notes.join(' ')).toMatch(/generated one/);
    const secret = await env.services.vault.readSecret((await env.services.pgp.resolve('Bare')).credentialId!);
    expect(secret.passphrase!.length).toBeGreaterThanOrEqual(24);
    expect((await lint(['Bare'])).findings).toEqual([]);
  });

  it("keyrings mixed up get CI's literal \"The key type you try to upload is invalid.\"", async () => {
    await env.services.pgp.create({ label: 'Ours', userId: 'Ours <ours@acme.example>' });
    const pub = join(env.work, 'ours-public.asc');
    const sec = join(env.work, 'ours-secret.asc');
    expect((await env.cli(['pgp', 'export-public', 'Ours', '--out', pub])).code).toBe(0);
    expect((await env.cli(['pgp', 'export-secret', 'Ours', '--out', sec, '--passphrase-env', 'P'], { P: 'export-pass-1' })).code).toBe(0);
    for (const [file, as] of [[pub, 'secret'], [sec, 'public']] as const) {
      const r = await lint(['--file', file, '--as', as]);
      expect(r.code).toBe(1);
      expect(r.findings.find((f) => f.code === 'pgp-keyring-mixed-up')?.literal).toBe('The key type you try to upload is invalid.');
    }
    // The right way round, with the right passphrase: nothing to say.
    expect(await lint(['--file', pub, '--as', 'public'])).toEqual({ code: 0, findings: [] });
    expect(await lint(['--file', sec, '--as', 'secret', '--passphrase-env', 'P'], { P: 'export-pass-1' })).toEqual({ code: 0, findings: [] });
  });

  it('secret keys under two passphrases get CI\'s "Invalid passphrase."', async () => {
    const one = env.gpg.makeKey('Two A <two-a@acme.example>', 'rsa2048', 'sign,cert', { subkey: ['rsa2048', 'encr'], passphrase: 'first-pass' });
    const two = env.gpg.makeKey('Two B <two-b@acme.example>', 'rsa2048', 'sign,cert', { subkey: ['rsa2048', 'encr'], passphrase: 'second-pass' });
    const file = join(env.work, 'two-passphrases.asc');
    writeFileSync(file, env.gpg.run(['--armor', '--export-secret-keys', one], { passphrase: 'first-pass' }) + env.gpg.run(['--armor', '--export-secret-keys', two], { passphrase: 'second-pass' }));
    const r = await lint(['--file', file, '--as', 'secret', '--passphrase-env', 'P'], { P: 'first-pass' });
    expect(r.code).toBe(1);
    const f = r.findings.find((x) => x.code === 'pgp-passphrase-mismatch')!;
    expect(f.literal).toBe('Invalid passphrase.');
    expect(f.message).toContain('Two B');
    expect(f.message).not.toContain('Two A');
  });

  it('a file that is not a keyring gets CI\'s invalid-format literal', async () => {
    const file = join(env.work, 'noise.gpg');
    writeFileSync(file, randomBytes(64));
    const r = await lint(['--file', file]);
    expect(r.code).toBe(1);
    expect(r.findings[0]!.literal).toBe('File upload impossible due to invalid file format. Select one of the supported file formats.');
  });
});
