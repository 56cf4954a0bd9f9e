/**
 * A private GnuPG home per test file (never the user's ~/.gnupg): gpg in batch mode with loopback
 * pinentry, so passphrases come from the test, and the home's own agent is stopped at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GnuPg {
  home: string;
  /** Runs gpg; throws with its stderr on failure. `passphrase` is given through loopback pinentry. */
  run(args: string[], opts?: { passphrase?: string; input?: string | Buffer }): string;
  /** Runs gpg and returns status and output (expected failures). */
  status(args: string[], opts?: { passphrase?: string; input?: string | Buffer }): { status: number; out: string };
  /** Fingerprints (upper-case hex) of the public or secret keys in this home. */
  fingerprints(secret?: boolean): string[];
  /** Makes a key: primary `algo` with `usage`, optionally a subkey; returns its fingerprint. */
  makeKey(uid: string, algo: string, usage: string, opts?: { subkey?: [string, string]; passphrase?: string; expires?: string }): string;
  close(): void;
}

export function makeGnuPg(): GnuPg {
  // Short path: the agent's socket path must stay under the 108-byte limit.
  const home = mkdtempSync(join(tmpdir(), 'gpg-'));
  // No passphrase cache: a test that gives the wrong passphrase must meet the real check.
  writeFileSync(join(home, 'gpg-agent.conf'), 'default-cache-ttl 0\nmax-cache-ttl 0\nallow-loopback-pinentry\n');
  const env = { ...process.env, GNUPGHOME: home, LC_ALL: 'C' };
  const base = (passphrase?: string) => ['--batch', '--no-tty', '--pinentry-mode', 'loopback', '--passphrase', passphrase ?? ''];
  const g: GnuPg = {
    home,
    run(args, opts = {}) {
      return execFileSync('gpg', [...base(opts.passphrase), ...args], { env, input: opts.input, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
    },
    status(args, opts = {}) {
      const r = spawnSync('gpg', [...base(opts.passphrase), ...args], { env, input: opts.input, encoding: 'utf8' });
      return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
    },
    fingerprints(secret = false) {
      const out = g.run(['--with-colons', secret ? '--list-secret-keys' : '--list-keys']);
      const lines = out.split('\n');
      // The fpr line right after each pub/sec line is the primary key's.
      return lines.flatMap((l, i) => (/^(pub|sec):/.test(l) ? [lines[i + 1]!.split(':')[9]!] : []));
    },
    makeKey(uid, algo, usage, opts = {}) {
      g.run(['--quick-gen-key', uid, algo, usage, opts.expires ?? '2y'], { passphrase: opts.passphrase ?? '' });
      const out = g.run(['--with-colons', '--list-keys', uid]);
      const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(out)![1]!;
      if (opts.subkey) g.run(['--quick-add-key', fpr, opts.subkey[0], opts.subkey[1], opts.expires ?? '2y'], { passphrase: opts.passphrase ?? '' });
      return fpr;
    },
    close() {
      spawnSync('gpgconf', ['--kill', 'gpg-agent'], { env });
      rmSync(home, { recursive: true, force: true });
    },
  };
  return g;
}
