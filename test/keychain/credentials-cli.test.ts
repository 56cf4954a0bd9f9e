/**
 * `landscape credentials …` as a user runs it: child processes of the built CLI (LANDSCAPE_OUT),
 * the real keyring of the test session, and one run with no reachable D-Bus.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildServiceKeys, generatePki, TOKEN_URL, RUNTIME_URL } from '../support/service-key-fixtures';
import { makeHome } from '../support/test-services';
import { searchKeyring } from './keychain-helpers';

function cli(home: string, args: string[], opts: { env?: Record<string, string | undefined>; input?: string } = {}) {
  const r = spawnSync(process.execPath, ['bin/landscape.mjs', 'credentials', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANDSCAPE_HOME: home, ...opts.env },
    input: opts.input ?? '',
    timeout: 90_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('landscape credentials (CLI)', { timeout: 600_000 }, () => {
  it('add (env and stdin), list, reveal, remove — with --json, secrets never on argv', () => {
    const home = makeHome('landscape-cli-');
    const pw = `cli-${crypto.randomUUID()}`;
    const added = cli(home, ['add', '--kind', 'basic', '--label', 'S/4 basic', '--user', 'PI_USER', '--password-env', 'MY_PW', '--json'], { env: { MY_PW: pw } });
    expect(added.code).toBe(0);
    const meta = JSON.parse(added.stdout);
    expect(meta).toMatchObject({ kind: 'basic', label: 'S/4 basic', user: 'PI_USER' });
    expect(added.stdout).not.toContain(pw);
    const fromStdin = cli(home, ['add', '--kind', 'pkcs12-passphrase', '--label', 'p12', '--passphrase-env', '-'], { input: `${pw}-p12\n` });
    expect(fromStdin.code).toBe(0);
    const generated = cli(home, ['add', '--label', 'gen', '--user', 'g', '--generate', '--length', '40']);
    expect(generated.stdout).toMatch(/generated password was stored/);

    const list = JSON.parse(cli(home, ['list', '--json']).stdout);
    expect(list.credentials.map((c: { label: string }) => c.label)).toEqual(['S/4 basic', 'p12', 'gen']);
    expect(list.keychain.state).toBe('available');
    expect(JSON.stringify(list)).not.toContain(pw);

    expect(cli(home, ['reveal', 'S/4 basic']).stdout).toBe(`password: ${pw}\n`);
    expect(JSON.parse(cli(home, ['reveal', 'p12', '--json']).stdout).revealed).toEqual({ passphrase: `${pw}-p12` });
    expect(JSON.parse(cli(home, ['reveal', 'gen', '--json']).stdout).revealed.password).toHaveLength(40);

    for (const label of ['S/4 basic', 'p12', 'gen']) expect(cli(home, ['remove', label]).code).toBe(0);
    expect(searchKeyring().some((i) => i.account.endsWith(meta.id))).toBe(false);
    expect(JSON.parse(cli(home, ['list', '--json']).stdout).credentials).toEqual([]);
  });

  it('usage errors exit 2 with one line; a secret on argv is refused; an unknown credential exits 1', () => {
    const home = makeHome('landscape-cli-');
    const onArgv = cli(home, ['add', '--label', 'x', '--user', 'u', '--password', 'hunter22']);
    expect(onArgv.code).toBe(2);
    expect(onArgv.stderr).toMatch(/never go on the command line/);
    const missing = cli(home, ['add', '--label', 'x', '--user', 'u']);
    expect(missing.code).toBe(2);
    expect(missing.stderr.split('\n')[0]).toMatch(/--password-env VAR/);
    expect(cli(home, ['add', '--label', 'x', '--user', 'u', '--password-env', 'UNSET_VAR_X']).code).toBe(2);
    expect(cli(home, ['frobnicate']).code).toBe(2);
    const unknown = cli(home, ['reveal', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('import-service-key FILE creates the credential and prints the inbound offer', () => {
    const home = makeHome('landscape-cli-');
    const keys = buildServiceKeys(generatePki());
    const file = join(home, 'key.json');
    writeFileSync(file, JSON.stringify(keys.certificateFlat, null, 2));
    const r = cli(home, ['import-service-key', file, '--json']);
    rmSync(file);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.offer).toMatchObject({ endpointUrl: RUNTIME_URL, tokenUrl: TOKEN_URL, authentication: 'client-certificate' });
    expect(result.created).toHaveLength(1);
    expect(result.created[0]).toMatchObject({ kind: 'client-certificate', subject: expect.stringContaining('CN=it-rt-fixture') });
    expect(r.stdout).not.toContain('PRIVATE KEY');
    const broken = cli(home, ['import-service-key', '-'], { input: JSON.stringify({ oauth: { clientid: 'c', url: 'https://u', tokenurl: 'ftp://t', clientsecret: 's' } }) });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/oauth\.tokenurl/);
    expect(cli(home, ['remove', result.created[0].id]).code).toBe(0);
  });

  it('keychain unavailable (no D-Bus): a clear KEYCHAIN_UNAVAILABLE error, metadata untouched and still listable', () => {
    const home = makeHome('landscape-cli-');
    expect(cli(home, ['add', '--label', 'present', '--user', 'u', '--password-env', 'PW'], { env: { PW: 'pw-present-1' } }).code).toBe(0);
    const before = readFileSync(join(home, 'credentials.json'), 'utf8');
    const noBus = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' };

    const add = cli(home, ['add', '--label', 'new', '--user', 'u', '--password-env', 'PW'], { env: { ...noBus, PW: 'pw-new-1' } });
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(/keychain is unavailable \(no-secret-service/i);
    expect(add.stderr).toMatch(/gnome-keyring|KWallet/);
    expect(add.stderr.trim().split('\n')).toHaveLength(1);
    const reveal = cli(home, ['reveal', 'present'], { env: noBus });
    expect(reveal.code).toBe(1);
    expect(reveal.stdout).toBe('');
    expect(cli(home, ['remove', 'present'], { env: noBus }).code).toBe(1);
    expect(readFileSync(join(home, 'credentials.json'), 'utf8')).toBe(before);

    const list = cli(home, ['list', '--json'], { env: noBus });
    expect(list.code).toBe(0);
    const parsed = JSON.parse(list.stdout);
    expect(parsed.credentials.map((c: { label: string }) => c.label)).toEqual(['present']);
    expect(parsed.keychain.state).toBe('unavailable');

    // No session bus variable at all: libsecret would try to autolaunch D-Bus and needs X11.
    const { DBUS_SESSION_BUS_ADDRESS: _bus, DISPLAY: _display, ...withoutBus } = process.env;
    const bare = spawnSync(process.execPath, ['bin/landscape.mjs', 'credentials', 'reveal', 'present'], { encoding: 'utf8', env: { ...withoutBus, LANDSCAPE_HOME: home }, timeout: 90_000 });
    expect(bare.status).toBe(1);
    expect(bare.stderr).toMatch(/keychain is unavailable \(no-secret-service/i);
    expect(bare.stdout).toBe('');
    expect(readFileSync(join(home, 'credentials.json'), 'utf8')).toBe(before);
    expect(cli(home, ['remove', 'present']).code).toBe(0);
  });
});
