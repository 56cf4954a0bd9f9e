// `npm run bench`: runs the benchmark suites (TypeScript, through tsx) inside a private keyring
// session like the tests, and prints each measure beside its reference from the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

// Always measure the current code: build first (a few seconds), as `npm test` does.
if (!process.env.LANDSCAPE_TEST_KEYRING) {
  const b = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(1);
}
// `npm run bench -- cli probes` runs only those suites (names are plain words, passed through).
const only = process.argv.slice(2).filter((a) => /^[a-z-]+$/.test(a));
const cmd = ['npx tsx scripts/bench/index.ts', ...only].join(' ');
const keyring = existsSync('/usr/bin/dbus-run-session') && !process.env.LANDSCAPE_TEST_KEYRING;
// The private keyring lives only for this run (it used to stay in /tmp after every bench).
const xdg = keyring ? mkdtempSync(join(tmpdir(), 'bench-keyring-')) : '';
const r = keyring
  ? spawnSync('dbus-run-session', ['--', 'bash', '-c', `printf %s "$KEYRING_UNLOCK" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; unset KEYRING_UNLOCK; ${cmd}`], {
      stdio: 'inherit',
      env: { ...process.env, XDG_DATA_HOME: xdg, KEYRING_UNLOCK: randomBytes(12).toString('hex'), LANDSCAPE_TEST_KEYRING: '1' },
    })
  : spawnSync('bash', ['-c', cmd], { stdio: 'inherit' });
if (xdg) rmSync(xdg, { recursive: true, force: true });
process.exit(r.status ?? 1);
