/**
 * The app and the CLI writing at once: CLI processes (the built `landscape` bin, as a user runs it)
 * and an in-process service (the app's side) create, rename and delete landscapes and add
 * credentials on one data directory at the same time. Every change is kept (no last-writer-wins),
 * the store loads, and the vault has no orphan. Before the locks, 12 parallel creates kept 8.
 */
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createTestServices, makeHome } from '../../support/test-services';

function cli(home: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['bin/landscape.mjs', ...args], { env: { ...process.env, LANDSCAPE_HOME: home, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr.on('data', (d) => (stderr += d));
    proc.on('exit', (code) => resolve({ code, stderr }));
  });
}

const ok = async (p: Promise<{ code: number | null; stderr: string }>) => {
  const r = await p;
  expect(r.code, r.stderr).toBe(0);
};

/** Lets the CLI processes start before the app side writes, so both really overlap. */
const tick = () => new Promise((r) => setTimeout(r, 20));

describe('parallel writers: CLI processes and the app', () => {
  it('keeps every landscape and credential change of both sides', async () => {
    const home = makeHome('landscape-parallel-');
    const app = createTestServices(home);
    const N = 8;

    // Wave 1: N landscape creates + N/2 credential adds from CLI processes, the app doing the same.
    const wave1 = [
      ...Array.from({ length: N }, (_, i) => ok(cli(home, ['landscapes', 'new', '--template', 's4-sscv2', '--name', `cli-${i}`]))),
      ...Array.from({ length: N / 2 }, (_, i) => ok(cli(home, ['credentials', 'add', '--kind', 'basic', '--label', `cli-cred-${i}`, '--user', 'u', '--password-env', 'PW'], { PW: `secret-cli-${i}` }))),
      (async () => {
        for (let i = 0; i < N / 2; i++) {
          await tick();
          app.landscapes.create({ templateId: 's4-sscv2', name: `app-${i}` });
          await app.vault.create({ kind: 'basic', label: `app-cred-${i}`, meta: { user: 'u' }, secret: { password: `secret-app-${i}` } });
        }
      })(),
    ];
    await Promise.all(wave1);

    // Wave 2: renames and deletes of each other's landscapes, from both sides at once.
    await Promise.all([
      ok(cli(home, ['landscapes', 'rename', 'cli-0', 'cli-0-renamed'])),
      ok(cli(home, ['landscapes', 'delete', 'cli-1'])),
      ok(cli(home, ['landscapes', 'rename', 'app-0', 'app-0-by-cli'])),
      ok(cli(home, ['landscapes', 'delete', 'app-1'])),
      (async () => {
        await tick();
        app.landscapes.rename('cli-2', 'cli-2-by-app');
        app.landscapes.remove('cli-3');
        app.landscapes.rename('app-2', 'app-2-renamed');
      })(),
    ]);

    const fresh = createTestServices(home);
    expect(fresh.landscapes.problems()).toEqual([]);
    expect(fresh.landscapes.list().map((l) => l.name).sort()).toEqual(
      ['cli-0-renamed', 'cli-2-by-app', 'cli-4', 'cli-5', 'cli-6', 'cli-7', 'app-0-by-cli', 'app-2-renamed', 'app-3'].sort(),
    );
    const creds = await fresh.vault.list();
    expect(creds.map((c) => c.label).sort()).toEqual([...Array.from({ length: N / 2 }, (_, i) => `cli-cred-${i}`), ...Array.from({ length: N / 2 }, (_, i) => `app-cred-${i}`)].sort());
    for (const c of creds) expect((await fresh.vault.readSecret(c.id)).password).toBe(`secret-${c.label.replace('-cred', '')}`);
    expect(await fresh.vault.orphans()).toEqual([]);
  }, 300_000);
});
