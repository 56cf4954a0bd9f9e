// `npm run fuzz`: test/fuzz/fuzz-main.ts inside a private D-Bus session with an unlocked
// gnome-keyring (the importers store into the real keychain, as in `npm test`).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const args = process.argv.slice(2);
if (!process.env.LANDSCAPE_TEST_KEYRING && existsSync('/usr/bin/dbus-run-session') && existsSync('/usr/bin/gnome-keyring-daemon')) {
  const xdg = mkdtempSync(join(tmpdir(), 'landscape-keyring-'));
  const inner = `printf %s "$KEYRING_UNLOCK" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; unset KEYRING_UNLOCK; exec node scripts/fuzz.mjs "$@"`;
  const r = spawnSync('dbus-run-session', ['--', 'bash', '-c', inner, 'fuzz', ...args], {
    stdio: 'inherit',
    env: { ...process.env, XDG_DATA_HOME: xdg, KEYRING_UNLOCK: randomBytes(12).toString('hex'), LANDSCAPE_TEST_KEYRING: '1' },
  });
  rmSync(xdg, { recursive: true, force: true });
  process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/fuzz/fuzz-main.ts', ...args], { stdio: 'inherit' });
process.exit(r.status ?? 1);
