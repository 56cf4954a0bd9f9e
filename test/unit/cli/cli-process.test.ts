/**
 * The CLI as a user runs it: a child process of the built bin, its stdout, stderr and exit code.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { makeHome } from '../../support/test-services';

export function runCli(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(process.execPath, ['bin/landscape.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANDSCAPE_HOME: makeHome('landscape-cli-'), ...env },
    timeout: 90_000, // generous: a loaded 2-core CI machine starts node slowly
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('landscape CLI', { timeout: 120_000 }, () => {
  it('info --json prints only JSON with the data directory and keychain status', () => {
    const home = makeHome('landscape-cli-');
    const r = runCli(['info', '--json'], { LANDSCAPE_HOME: home });
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.dataDir).toBe(home);
    expect(info.keychain.state).toBe('available');
  });

  it('reports an unavailable keychain clearly and still exits 0 for info', () => {
    const r = runCli(['info', '--json'], { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus', DISPLAY: '' });
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.keychain.state).toBe('unavailable');
    expect(info.keychain.hint).toMatch(/gnome-keyring|KWallet/);
  });

  it('--help lists the commands and exits 0; no command is a usage error (2)', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('info');
    expect(runCli([]).code).toBe(2);
  });

  it('an unknown command or a secret on argv is a one-line usage error with exit 2', () => {
    const unknown = runCli(['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    const secret = runCli(['info', '--password', 'hunter2']);
    expect(secret.code).toBe(2);
    expect(secret.stderr).toContain('never go on the command line');
    expect(secret.stdout).toBe('');
  });
});
