// `npm test`: the whole suite — unit, keychain, real-peer integration and Chromium e2e — in one
// vitest run inside a private D-Bus session with an unlocked gnome-keyring (so keychain tests meet
// a real Secret Service and FAIL, not skip, when there is none). Prints the closing line CI reads:
//   total: N passed, N failed, N skipped
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

const args = process.argv.slice(2);

if (!process.env.LANDSCAPE_TEST_KEYRING && existsSync('/usr/bin/dbus-run-session') && existsSync('/usr/bin/gnome-keyring-daemon')) {
  // Fresh keyring every run; the unlock password is random and lives only in this process tree.
  const xdg = mkdtempSync(join(tmpdir(), 'landscape-keyring-'));
  const unlock = randomBytes(12).toString('hex');
  const inner = `printf %s "$KEYRING_UNLOCK" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; unset KEYRING_UNLOCK; exec node scripts/run-tests.mjs "$@"`;
  const r = spawnSync('dbus-run-session', ['--', 'bash', '-c', inner, 'run-tests', ...args], {
    stdio: 'inherit',
    env: { ...process.env, XDG_DATA_HOME: xdg, KEYRING_UNLOCK: unlock, LANDSCAPE_TEST_KEYRING: '1' },
  });
  rmSync(xdg, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}

if (!process.env.LANDSCAPE_TEST_SKIP_BUILD) {
  const b = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) {
    console.log('total: 0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
}

const report = join(mkdtempSync(join(tmpdir(), 'landscape-vitest-')), 'report.json');
const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args], {
  stdio: 'inherit',
});

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(report)) {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed = json.numPassedTests ?? 0;
  failed = (json.numFailedTests ?? 0) + (json.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  skipped = (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0);
} else {
  failed = 1;
}
if (run.status !== 0 && failed === 0) failed = 1;
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || run.status !== 0 ? 1 : 0);
