/**
 * The landscapes CLI as a user runs it: the built bin as a child process with its own data
 * directory, including the byte-identical export → import → export round trip.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeHome } from '../../support/test-services';

function cli(home: string, args: string[]) {
  const r = spawnSync(process.execPath, ['bin/landscape.mjs', 'landscapes', ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANDSCAPE_HOME: home },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = (r: { stdout: string }) => JSON.parse(r.stdout);

// Each case starts several node processes; on a loaded 2-core machine that takes a while.
const SLOW = 180_000;

describe('landscape landscapes (CLI)', () => {
  it('new, list, show with pathways as the issue asks, rename, delete', () => {
    const home = makeHome('landscape-cli-');
    expect(json(cli(home, ['list', '--json'])).landscapes).toEqual([]);
    const created = cli(home, ['new', '--template', 's4-sscv2', '--name', 'ACME', '--json']);
    expect(created.code).toBe(0);
    const show = json(cli(home, ['show', 'ACME', '--json']));
    expect(show.pathways.map((p: Record<string, unknown>) => [p.number, p.from, p.to, p.direction, p.protocol, p.auth, p.maintainedAt])).toEqual([
      [1, 'SAP S/4HANA', 'Cloud Integration', 'inbound', 'https', 'basic', ['btp-cockpit', 'peer-system']],
      [2, 'Cloud Integration', 'SAP Sales and Service Cloud V2', 'outbound', 'https', 'client-certificate', ['ci-monitor', 'peer-system']],
      [3, 'SAP Sales and Service Cloud V2', 'Cloud Integration', 'inbound', 'https', 'client-certificate', ['btp-cockpit', 'peer-system']],
      [4, 'Cloud Integration', 'SAP S/4HANA', 'outbound', 'https', 'basic', ['ci-monitor', 'peer-system']],
    ]);
    const human = cli(home, ['show', 'ACME']);
    expect(human.stdout).toContain('1. SAP S/4HANA → Cloud Integration  inbound');
    expect(cli(home, ['rename', 'ACME', 'ACME dev', '--json']).code).toBe(0);
    expect(json(cli(home, ['list', '--json'])).landscapes.map((l: { name: string }) => l.name)).toEqual(['ACME dev']);
    expect(cli(home, ['delete', 'ACME dev', '--json']).code).toBe(0);
    expect(json(cli(home, ['list', '--json'])).landscapes).toEqual([]);
  }, SLOW);

  it('refusals exit 1 with one line on stderr naming the field; usage errors exit 2', () => {
    const home = makeHome('landscape-cli-');
    const bad = cli(home, ['new', '--template', 'nope', '--name', 'X', '--json']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('templateId');
    expect(cli(home, ['show', 'missing']).code).toBe(1);
    expect(cli(home, ['new', '--name', 'X']).code).toBe(2);
    expect(cli(home, ['frob']).code).toBe(2);
  }, SLOW);

  it('export → import → export is byte-identical across two data directories', () => {
    const a = makeHome('landscape-cli-a-');
    const b = makeHome('landscape-cli-b-');
    expect(cli(a, ['new', '--template', 's4-sscv2', '--name', 'Shared', '--stage', 'production']).code).toBe(0);
    const first = join(a, 'shared.landscape.json');
    const second = join(b, 'shared-again.landscape.json');
    expect(json(cli(a, ['export', 'Shared', first, '--json'])).path).toBe(first);
    const imported = cli(b, ['import', first, '--json']);
    expect(imported.code).toBe(0);
    expect(json(imported).landscape.name).toBe('Shared');
    expect(cli(b, ['export', 'Shared', second]).code).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    expect(readFileSync(first, 'utf8')).not.toContain(a);
  }, SLOW);

  it('import reports every problem with its JSON path and imports nothing', () => {
    const a = makeHome('landscape-cli-');
    cli(a, ['new', '--template', 'sftp-receiver', '--name', 'Files']);
    const file = join(a, 'files.landscape.json');
    cli(a, ['export', 'Files', file]);
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    doc.landscape.stage = 'prod';
    doc.landscape.pathways[0].auth = 'client-certificate';
    doc.landscape.systems[0].kind = 'mainframe-3270'; // no such system kind
    writeFileSync(file, JSON.stringify(doc));
    const b = makeHome('landscape-cli-');
    const r = cli(b, ['import', file, '--json']);
    expect(r.code).toBe(1);
    const paths = json(r).problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['$.landscape.stage', '$.landscape.systems[0].kind']));
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(json(cli(b, ['list', '--json'])).landscapes).toEqual([]);
  }, SLOW);
});
