/**
 * SSH material against OpenSSH's own tools: fingerprints as `ssh-keygen -lf` prints them, exported
 * private keys that `ssh-keygen -y` reads back to our public key, keys made by ssh-keygen imported,
 * and known_hosts lines that `ssh-keygen -F` finds (plain, [host]:port and hashed).
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMaterialEnv, tool, toolStatus, type MaterialEnv } from './material-fixture';

const keyOf = (line: string) => line.trim().split(/\s+/).slice(0, 2).join(' ');

describe('SSH keys and known_hosts with ssh-keygen', () => {
  let env: MaterialEnv;
  beforeAll(() => {
    env = makeMaterialEnv();
    env.services.landscapes.create({ templateId: env.services.landscapes.templates()[0]!.id, name: 'Lab' });
  });
  afterAll(() => env.cleanup());

  it.each(['ed25519', 'rsa-4096'] as const)('%s: fingerprint equals ssh-keygen -lf, exports read back with ssh-keygen -y', async (type) => {
    const created = await env.cli(['ssh-key', 'new', '--type', type, '--label', `sftp-${type}`, '--json']);
    expect(created.code, created.stderr).toBe(0);
    const meta = JSON.parse(created.stdout);
    const pub = await env.cli(['ssh-key', 'public', `sftp-${type}`, '--landscape', 'Lab', '--pathway', 'outbound SFTP']);
    const line = pub.stdout.trim();
    expect(line).toMatch(/landscape=Lab pathway=outbound-SFTP$/);
    const pubFile = join(env.work, `${type}.pub`);
    writeFileSync(pubFile, line + '\n');
    expect(tool('ssh-keygen', ['-lf', pubFile]).split(/\s+/)[1]).toBe(meta.fingerprints.ssh);

    const formats = type === 'rsa-4096' ? [[], ['--pkcs1']] : [[]];
    for (const extra of formats) {
      const out = join(env.work, `${type}${extra.length ? '-pkcs1' : ''}.key`);
      const r = await env.cli(['ssh-key', 'export', `sftp-${type}`, '--out', out, ...extra]);
      expect(r.code, r.stderr).toBe(0);
      if (extra.length) expect(readFileSync(out, 'utf8')).toMatch(/^-{5}BEGIN RSA PRIVATE KEY-{5}/);
      chmodSync(out, 0o600);
      expect(keyOf(tool('ssh-keygen', ['-y', '-f', out]))).toBe(keyOf(line));
    }
  });

  it('ed25519 cannot be exported as PKCS#1', async () => {
    const r = await env.cli(['ssh-key', 'export', 'sftp-ed25519', '--out', join(env.work, 'x.pem'), '--pkcs1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Only RSA keys/);
  });

  it.each([
    ['ed25519', []],
    ['rsa', ['-b', '3072', '-m', 'PEM']],
  ])('imports a %s key made by ssh-keygen (passphrase-protected)', async (type, extra) => {
    const file = join(env.work, `sk-${type}`);
    const passphrase = `pp-${Math.random().toString(36).slice(2)}`;
    tool('ssh-keygen', ['-q', '-t', type, ...extra, '-N', passphrase, '-C', 'made-by-ssh-keygen', '-f', file]);
    const wrong = await env.cli(['ssh-key', 'import', file, '--label', `bad-${type}`, '--passphrase-env', 'PP'], { PP: 'not-it' });
    expect(wrong.code).toBe(1);
    expect(await env.services.vault.findByLabel(`bad-${type}`)).toBeUndefined();
    const r = await env.cli(['ssh-key', 'import', file, '--label', `imported-${type}`, '--passphrase-env', 'PP', '--json'], { PP: passphrase });
    expect(r.code, r.stderr).toBe(0);
    const expected = tool('ssh-keygen', ['-lf', `${file}.pub`]).split(/\s+/)[1];
    expect(JSON.parse(r.stdout).fingerprints.ssh).toBe(expected);
  });

  it('known_hosts: our [host]:port and hashed lines are found by ssh-keygen -F; check says reject / changed / known', async () => {
    const hostPub = join(env.work, 'hostkey');
    tool('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostPub]);
    const key = keyOf(readFileSync(`${hostPub}.pub`, 'utf8'));
    const before = await env.cli(['known-hosts', 'check', '--landscape', 'Lab', '--host', 'sftp.lab', '--port', '2222', '--key', key, '--json']);
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout).verdict).toBe('reject HostKey');

    expect((await env.cli(['known-hosts', 'add', '--landscape', 'Lab', '--host', 'sftp.lab', '--port', '2222', '--key', key])).code).toBe(0);
    expect((await env.cli(['known-hosts', 'add', '--landscape', 'Lab', '--host', 'hidden.lab', '--key', key, '--hashed'])).code).toBe(0);
    const file = join(env.work, 'known_hosts');
    expect((await env.cli(['known-hosts', 'export', '--landscape', 'Lab', '--out', file])).code).toBe(0);
    expect(tool('ssh-keygen', ['-F', '[sftp.lab]:2222', '-f', file])).toContain(`[sftp.lab]:2222 ${key}`);
    expect(toolStatus('ssh-keygen', ['-F', 'hidden.lab', '-f', file]).status).toBe(0);
    expect(toolStatus('ssh-keygen', ['-F', 'sftp.lab', '-f', file]).status).not.toBe(0);

    const known = await env.cli(['known-hosts', 'check', '--landscape', 'Lab', '--host', 'hidden.lab', '--key', key, '--json']);
    expect(JSON.parse(known.stdout).verdict).toBe('known');
    const other = join(env.work, 'otherkey');
    tool('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', other]);
    const changed = await env.cli(['known-hosts', 'check', '--landscape', 'Lab', '--host', 'sftp.lab', '--port', '2222', '--key', keyOf(readFileSync(`${other}.pub`, 'utf8')), '--json']);
    expect(changed.code).toBe(1);
    expect(JSON.parse(changed.stdout).verdict).toBe('HostKey has been changed');
  });

  it('reads lines hashed by ssh-keygen -H', async () => {
    const hostPub = join(env.work, 'hk2');
    tool('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostPub]);
    const key = keyOf(readFileSync(`${hostPub}.pub`, 'utf8'));
    const file = join(env.work, 'kh-plain');
    writeFileSync(file, `[ssh-keygen.lab]:2022 ${key}\n`);
    tool('ssh-keygen', ['-H', '-f', file]);
    const hashed = readFileSync(file, 'utf8').split('\n').find((l) => l.startsWith('|1|'))!;
    expect((await env.cli(['known-hosts', 'add', '--landscape', 'Lab', '--line', hashed])).code).toBe(0);
    const r = await env.cli(['known-hosts', 'check', '--landscape', 'Lab', '--host', 'ssh-keygen.lab', '--port', '2022', '--key', key, '--json']);
    expect(JSON.parse(r.stdout).verdict).toBe('known');
  });
});
