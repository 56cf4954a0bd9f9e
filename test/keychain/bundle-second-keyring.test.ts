/**
 * The other laptop, as far as one machine allows: a SECOND gnome-keyring in a D-Bus session of its
 * own (its own XDG_DATA_HOME, runtime dir and LANDSCAPE_HOME), driven only through the built CLI.
 * Session 1 makes that installation's age identity (its private key goes into the second keyring);
 * the sender, on the test session's keyring, exports to it; session 2 (the same keyring files,
 * unlocked again) first refuses a changed bundle without writing anything, then imports the real
 * one and reads every secret back from its own keychain, byte-identical (a PGP key's secret half
 * among them, the key listed as our own). The test session's
 * keyring never holds the receiver's entries.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestServices, makeHome } from '../support/test-services';
import { seedSender } from '../support/bundle-fixtures';
import { searchKeyring } from './keychain-helpers';

const CLI = join(process.cwd(), 'bin', 'landscape.mjs');
const root = mkdtempSync(join(tmpdir(), 'second-laptop-'));
const dirs = { data: join(root, 'data'), run: join(root, 'run'), home: join(root, 'landscape'), out: join(root, 'out') };
for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true, mode: 0o700 });
const unlock = `second-${process.pid}-keyring`;

/** Runs `script` (bash, "$@" = args) in a fresh D-Bus session with the second keyring unlocked. */
function onSecondLaptop(script: string, args: string[] = []) {
  const inner = `printf %s "$KEYRING_UNLOCK" | gnome-keyring-daemon --unlock --components=secrets >/dev/null; unset KEYRING_UNLOCK; ${script}`;
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: root, LANG: 'C.UTF-8', XDG_DATA_HOME: dirs.data, XDG_RUNTIME_DIR: dirs.run, LANDSCAPE_HOME: dirs.home, KEYRING_UNLOCK: unlock, CLI, OUT: dirs.out };
  if (process.env.LANDSCAPE_OUT) env.LANDSCAPE_OUT = process.env.LANDSCAPE_OUT;
  const r = spawnSync('dbus-run-session', ['--', 'bash', '-c', inner, 'second-laptop', ...args], { encoding: 'utf8', env, timeout: 150_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('bundle import into a second keyring in its own D-Bus session', { timeout: 400_000 }, () => {
  it('restores every secret byte-identical in the other keychain; a changed bundle writes nothing there', async () => {
    const made = onSecondLaptop('exec node "$CLI" bundle identity --json');
    expect(made.status, made.stderr).toBe(0);
    const { recipient } = JSON.parse(made.stdout) as { recipient: string };
    expect(recipient).toMatch(/^age1[a-z0-9]{58}$/);

    const sender = createTestServices(makeHome('second-keyring-sender-'));
    const seeded = await seedSender(sender, 'Moved Prod');
    const pgp = await sender.pgp.create({ label: 'Moved PGP', userId: 'Moved <moved@acme.example>' });
    await sender.pgp.attach({ landscape: 'Moved Prod', pathway: 2, own: 'Moved PGP' });
    seeded.secrets.set('Moved PGP', await sender.vault.readSecret((await sender.vault.findByLabel('Moved PGP'))!.id));
    const file = join(dirs.out, 'moved.age');
    await sender.bundles.exportBundle([seeded.landscape], file, { recipient });
    const changed = join(dirs.out, 'changed.age');
    const bytes = readFileSync(file);
    bytes[bytes.length - 20]! ^= 0x01;
    writeFileSync(changed, bytes);

    const labels = [...seeded.secrets.keys()];
    const script = [
      'node "$CLI" bundle import "$OUT/changed.age" --json > "$OUT/refused.out" 2> "$OUT/refused.err"; echo $? > "$OUT/refused.code"',
      'node "$CLI" credentials list --json > "$OUT/after-refusal.json" || exit 11',
      'node "$CLI" bundle import "$OUT/moved.age" --json > "$OUT/import.json" || exit 12',
      'i=0; for label in "$@"; do node "$CLI" credentials reveal "$label" --json > "$OUT/reveal-$i.json" || exit 13; i=$((i+1)); done',
      'node "$CLI" landscapes list --json > "$OUT/landscapes.json" || exit 14',
      'node "$CLI" pgp list --json > "$OUT/pgp.json" || exit 15',
    ].join('\n');
    const run = onSecondLaptop(script, labels);
    expect(run.status, run.stderr).toBe(0);

    const out = (name: string) => readFileSync(join(dirs.out, name), 'utf8');
    expect(out('refused.code').trim()).toBe('1');
    expect(out('refused.err')).toMatch(/changed/i);
    expect(JSON.parse(out('after-refusal.json')).credentials).toEqual([]);

    const imported = JSON.parse(out('import.json'));
    expect(imported.landscapes).toMatchObject([{ name: 'Moved Prod', action: 'created' }]);
    expect(imported.unresolved).toEqual([]);
    labels.forEach((label, i) => {
      const shown = JSON.parse(out(`reveal-${i}.json`));
      expect(shown.label).toBe(label);
      expect(shown.revealed, label).toStrictEqual(seeded.secrets.get(label));
    });
    expect(out('landscapes.json')).toContain('Moved Prod');
    const keys = JSON.parse(out('pgp.json')).keys as Array<{ label: string; fingerprint: string; role: string }>;
    expect(keys.map((k) => [k.label, k.fingerprint, k.role])).toEqual([['Moved PGP', pgp.fingerprint, 'own']]);

    // The receiver's entries live in the second keyring only, never in the test session's.
    const receiverVault = (JSON.parse(readFileSync(join(dirs.home, 'credentials.json'), 'utf8')) as { vaultId: string }).vaultId;
    expect(searchKeyring().filter((e) => e.account.startsWith(`${receiverVault}:`))).toEqual([]);
    const senderVault = (JSON.parse(readFileSync(join(sender.dataDir, 'credentials.json'), 'utf8')) as { vaultId: string }).vaultId;
    expect(receiverVault).not.toBe(senderVault);
  });
});
