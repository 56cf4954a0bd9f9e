/**
 * A peer process started in beforeAll is stopped at the end of its file even when the set-up
 * after it throws (the file's afterAll never receives it). Runs vitest on a fixture file that
 * starts a real nginx and then fails, and checks nothing listens on nginx's port afterwards.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

describe('peers outlive no test file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'peer-record-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops nginx started in a beforeAll that then threw', async () => {
    const record = join(dir, 'port');
    const run = spawnSync('npx', ['vitest', 'run', '--config', 'test/fixtures/peers/vitest.config.ts'], {
      env: { ...process.env, LANDSCAPE_PEER_RECORD: record },
      encoding: 'utf8',
      timeout: 90_000,
    });
    expect(run.stdout + run.stderr).toContain('the set-up after the peer failed');
    const port = Number(readFileSync(record, 'utf8'));
    expect(port).toBeGreaterThan(0);
    expect(await listening(port)).toBe(false);
  }, 120_000);
});
