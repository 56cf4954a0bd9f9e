import { copyFileSync, existsSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger as log } from '../../../main/services/logger';
import { createLandscapesService } from '../../../main/services/landscapes/landscapes-service';
import { createFileBackend } from '../../../main/services/store/file-backend';
import { makeHome } from '../../support/test-services';

const fixture = join(__dirname, '../../fixtures/landscape/landscapes-v1.json');

function open(home: string) {
  return createLandscapesService({ dataDir: home, backend: createFileBackend, log, now: () => new Date() });
}

describe('landscapes document on disk', () => {
  it('migrates the v1 fixture and writes it back as v2', () => {
    const home = makeHome();
    copyFileSync(fixture, join(home, 'landscapes.json'));
    const svc = open(home);
    const l = svc.get('ACME development');
    expect(l.stage).toBe('production');
    expect(l.systems.map((s) => s.kind)).toEqual(['s4hana-on-premise', 'sscv2']);
    expect(l.pathways.map((p) => [p.number, p.auth])).toEqual([[1, 'basic'], [2, 'client-certificate'], [3, 'client-certificate'], [4, 'basic']]);
    expect(l.pathways[3]!.proxy).toEqual({ type: 'on-premise', locationId: 'ACME', virtualHost: 's4qas' });
    expect(svc.problems()).toEqual([]);
    expect(JSON.parse(readFileSync(join(home, 'landscapes.json'), 'utf8')).schemaVersion).toBe(2);
    // Seed 002 wisdom survives the migration: a production landscape flags its Basic pathways.
    const codes = svc.show(l.id).pathways.flatMap((p) => p.findings.map((f) => f.code));
    expect(codes).toContain('PRODUCTION_BASIC_AUTH');
  });

  it('keeps a corrupt file aside, reports it, and starts empty', () => {
    const home = makeHome();
    writeFileSync(join(home, 'landscapes.json'), '{"schemaVersion": 2, "landscapes": [');
    const svc = open(home);
    expect(svc.list()).toEqual([]);
    const [problem] = svc.problems();
    expect(problem!.reason).toMatch(/not valid JSON/);
    expect(readFileSync(problem!.keptAs, 'utf8')).toBe('{"schemaVersion": 2, "landscapes": [');
    svc.create({ templateId: 'blank', name: 'After' });
    expect(open(home).list().map((l) => l.name)).toEqual(['After']);
  });

  it('keeps a schema-invalid file aside with the path of the problem', () => {
    const home = makeHome();
    const bad = { schemaVersion: 2, landscapes: [{ id: 'x', name: '', createdAt: 'a', updatedAt: 'b' }] };
    writeFileSync(join(home, 'landscapes.json'), JSON.stringify(bad));
    const svc = open(home);
    expect(svc.list()).toEqual([]);
    const [problem] = svc.problems();
    expect(problem!.reason).toMatch(/landscapes\[0\]\.name/);
    expect(JSON.parse(readFileSync(problem!.keptAs, 'utf8'))).toEqual(bad);
  });

  it('keeps a file from a newer app version aside instead of guessing', () => {
    const home = makeHome();
    writeFileSync(join(home, 'landscapes.json'), JSON.stringify({ schemaVersion: 99, landscapes: [] }));
    const svc = open(home);
    expect(svc.list()).toEqual([]);
    expect(svc.problems()[0]!.reason).toMatch(/newer/);
  });

  it('removes temp files left by a killed writer once they are stale, not fresh ones', () => {
    const home = makeHome();
    const stale = join(home, 'landscapes.json.tmp-1234567890abcdef');
    const fresh = join(home, 'landscapes.json.tmp-1234567891abcdef');
    writeFileSync(stale, '{');
    writeFileSync(fresh, '{');
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(stale, old, old);
    open(home).list();
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(readdirSync(home).filter((n) => n.includes('corrupt'))).toEqual([]);
  });
});

describe('two processes sharing a data directory (the app and the CLI)', () => {
  it("each sees the other's changes and an update never overwrites them", () => {
    const home = makeHome();
    const app = open(home);
    const cli = open(home);
    expect(app.list()).toEqual([]);
    cli.create({ templateId: 'blank', name: 'From CLI' });
    expect(app.list().map((l) => l.name)).toEqual(['From CLI']);
    app.create({ templateId: 'blank', name: 'From app' });
    cli.rename('From CLI', 'Renamed by CLI');
    expect(app.list().map((l) => l.name)).toEqual(['From app', 'Renamed by CLI']);
    expect(open(home).list().map((l) => l.name)).toEqual(['From app', 'Renamed by CLI']);
  });

  it('a file broken by someone else while running keeps the loaded copy (and is not overwritten on read)', () => {
    const home = makeHome();
    const svc = open(home);
    svc.create({ templateId: 'blank', name: 'Kept' });
    writeFileSync(join(home, 'landscapes.json'), '{ broken');
    expect(svc.list().map((l) => l.name)).toEqual(['Kept']);
    expect(readFileSync(join(home, 'landscapes.json'), 'utf8')).toBe('{ broken');
  });
});
