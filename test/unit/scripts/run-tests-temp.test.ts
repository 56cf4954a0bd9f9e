/**
 * npm test's runner puts every temporary file of a run under one root and removes it at the end,
 * so tests killed before their cleanup (the SIGKILL tests, a crashed worker) leave nothing in the
 * user's temp dir. Runs the real runner (keyring session included) on a one-file fixture suite
 * whose test leaves a directory behind on purpose.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

describe('npm test leaves nothing in the temp dir', () => {
  const outer = mkdtempSync(join(tmpdir(), 'runner-tmp-'));
  const record = join(mkdtempSync(join(tmpdir(), 'runner-record-')), 'left.txt');
  afterAll(() => {
    rmSync(outer, { recursive: true, force: true });
    rmSync(join(record, '..'), { recursive: true, force: true });
  });

  it('removes what a test left behind, with the run', () => {
    const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: outer, LANDSCAPE_TEST_SKIP_BUILD: '1', LANDSCAPE_RUNNER_RECORD: record };
    // The child is a fresh `npm test`, not a test of this run: its own keyring session, its own root.
    delete env.LANDSCAPE_TEST_KEYRING;
    delete env.XDG_DATA_HOME;
    const run = spawnSync('node', ['scripts/run-tests.mjs', '--config', 'test/fixtures/runner/vitest.config.ts'], {
      env,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.stdout).toContain('total: 1 passed, 0 failed, 0 skipped');
    const left = readFileSync(record, 'utf8');
    expect(left.startsWith(join(outer, 'lt-'))).toBe(true);
    expect(existsSync(left)).toBe(false);
    expect(readdirSync(outer)).toEqual([]);
  }, 150_000);
});
