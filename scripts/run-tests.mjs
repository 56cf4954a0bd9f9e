// `npm test`: the whole suite — unit, keychain, real-peer integration and Chromium e2e — in one
// vitest run inside a private D-Bus session with an unlocked gnome-keyring (so keychain tests meet
// a real Secret Service and FAIL, not skip, when there is none). Prints the closing line CI reads:
//   total: N passed, N failed, N skipped
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { provision } from './provision.mjs';

const args = process.argv.slice(2);

// First, before anything runs: the Debian packages the suite needs (installed when we may).
if (!process.env.LANDSCAPE_TEST_KEYRING && !provision()) {
  console.log('total: 0 passed, 1 failed, 0 skipped');
  process.exit(1);
}

if (!process.env.LANDSCAPE_TEST_KEYRING && existsSync('/usr/bin/dbus-run-session') && existsSync('/usr/bin/gnome-keyring-daemon')) {
  // Every temporary file of the run (keyring, peers' configs, test PKI keys, Chromium profiles)
  // goes under one root removed at the end: tests killed mid-way (the SIGKILL tests, a crashed
  // worker) cannot clean up, and a full run used to leave ~340 entries in /tmp. Short name: dovecot
  // and sshd put Unix sockets under it (108-byte path limit).
  const root = mkdtempSync(join(tmpdir(), 'lt-'));
  // Made like /tmp itself (world-writable, sticky): peers that drop privileges (nginx's workers
  // reading an htpasswd file, dovecot's auth and mail processes) must traverse it as before.
  chmodSync(root, 0o1777);
  // Fresh keyring every run; the unlock password is random and lives only in this process tree.
  const xdg = mkdtempSync(join(root, 'keyring-'));
  const unlock = randomBytes(12).toString('hex');
  const inner = `printf %s "$KEYRING_UNLOCK" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; unset KEYRING_UNLOCK; exec node scripts/run-tests.mjs "$@"`;
  const r = spawnSync('dbus-run-session', ['--', 'bash', '-c', inner, 'run-tests', ...args], {
    stdio: 'inherit',
    env: { ...process.env, TMPDIR: root, XDG_DATA_HOME: xdg, KEYRING_UNLOCK: unlock, LANDSCAPE_TEST_KEYRING: '1' },
  });
  rmSync(root, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}

if (!process.env.LANDSCAPE_TEST_SKIP_BUILD) {
  const b = spawnSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  if (b.status !== 0) {
    console.log('total: 0 passed, 1 failed, 0 skipped');
    process.exit(1);
  }
}

function runVitest(files) {
  const report = join(mkdtempSync(join(tmpdir(), 'landscape-vitest-')), 'report.json');
  const run = spawnSync('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...files], {
    stdio: 'inherit',
  });
  const json = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : null;
  return { status: run.status, files: json ? json.testResults ?? [] : null };
}

/** Per file: how many tests passed, failed, were skipped — and whether the file ran to its end. */
function tally(file) {
  const statuses = (file.assertionResults ?? []).map((a) => a.status);
  const count = (s) => statuses.filter((x) => x === s).length;
  const failedTests = count('failed');
  // A worker that dies (a native crash, a signal) leaves its file unfinished: the tests it did
  // not reach are "pending" with no failure, or the file failed before any test ran.
  const unfinished = failedTests === 0 && (statuses.includes('pending') || (file.status === 'failed' && statuses.length === 0));
  return { name: file.name, passed: count('passed'), failed: failedTests, skipped: count('pending') + count('todo') + count('skipped'), unfinished };
}

// No second chance: a file whose worker died is a failure, named, never run again. (The deaths
// seen in full runs were keytar crashing on a keychain listing that raced a delete in another
// worker; see main/services/vault/keychain-lock.ts.)
const run = runVitest(args);
const results = run.files ? run.files.map(tally) : null;
const status = run.status;
const unfinished = results ? results.filter((r) => r.unfinished) : [];
if (unfinished.length > 0) {
  console.log(`\nFAILED: the test worker exited before finishing ${unfinished.length} file(s) (a crash or a signal; see the output above):`);
  for (const r of unfinished) console.log(`  ${r.name}`);
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (results) {
  for (const r of results) {
    passed += r.passed;
    failed += r.failed + (r.unfinished ? 1 : 0);
    skipped += r.unfinished ? 0 : r.skipped;
  }
} else {
  failed = 1;
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || status !== 0 ? 1 : 0);
