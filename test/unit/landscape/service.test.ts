import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/services/logger';
import { createLandscapesService } from '../../../main/services/landscapes/landscapes-service';
import { createFileBackend } from '../../../main/services/store/file-backend';
import { TENANT_ID } from '../../../shared/landscape';
import { AppError } from '../../../shared/result';
import { makeHome } from '../../support/test-services';

const open = (home = makeHome()) => createLandscapesService({ dataDir: home, backend: createFileBackend, log: silentLogger, now: () => new Date() });

function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('landscapes service', () => {
  it('creates from a template, lists, renames, duplicates and deletes; all persisted', () => {
    const home = makeHome();
    const svc = open(home);
    expect(svc.list()).toEqual([]);
    const a = svc.create({ templateId: 's4-sscv2', name: 'ACME', customer: 'ACME AG' });
    expect(svc.list().map((l) => [l.name, l.systems, l.pathways])).toEqual([['ACME', 2, 4]]);
    svc.rename('ACME', 'ACME dev');
    const copy = svc.duplicate(a.id, 'ACME test');
    expect(copy.id).not.toBe(a.id);
    expect(copy.systems[0]!.id).not.toBe(a.systems[0]!.id);
    expect(svc.show(copy.id).pathways.map((p) => p.from)).toEqual(svc.show(a.id).pathways.map((p) => p.from));
    const reopened = open(home);
    expect(reopened.list().map((l) => l.name)).toEqual(['ACME dev', 'ACME test']);
    reopened.remove('ACME test');
    expect(open(home).list().map((l) => l.name)).toEqual(['ACME dev']);
  });

  it('refuses bad input naming the field', () => {
    const svc = open();
    expect(refusal(() => svc.create({ templateId: 'nope', name: 'x' })).field).toBe('templateId');
    expect(refusal(() => svc.create({ templateId: 'blank', name: '  ' })).field).toBe('name');
    svc.create({ templateId: 'blank', name: 'One' });
    const taken = refusal(() => svc.create({ templateId: 'blank', name: 'one' }));
    expect([taken.code, taken.field]).toEqual(['NAME_TAKEN', 'name']);
    expect(refusal(() => svc.rename('missing', 'x')).code).toBe('NOT_FOUND');
    expect(refusal(() => svc.update('One', { stage: 'staging' })).field).toBe('stage');
    expect(refusal(() => svc.update('One', { unknownField: 1 })).message).toMatch(/unknownField|Unrecognized/);
  });

  it('adds, edits and removes systems and pathways with validation', () => {
    const svc = open();
    const l = svc.create({ templateId: 'blank', name: 'B' });
    const withSystem = svc.addSystem(l.id, { name: 'Files', kind: 'sftp-server' });
    const sys = withSystem.systems[0]!;
    expect(refusal(() => svc.addSystem(l.id, { name: 'X', kind: 'mainframe' })).field).toBe('kind');
    expect(refusal(() => svc.addSystem(l.id, { name: 'files', kind: 'sftp-server' })).field).toBe('name');

    const bad = refusal(() => svc.addPathway(l.id, { from: TENANT_ID, to: sys.id, protocol: 'sftp', adapter: 'sftp', auth: 'basic' }));
    expect(bad.field).toBe('pathways[0].auth');
    expect(refusal(() => svc.addPathway(l.id, { from: sys.id, to: sys.id, protocol: 'sftp', adapter: 'sftp', auth: 'password' })).field).toBe('pathways[0].to');
    expect(refusal(() => svc.addPathway(l.id, { from: TENANT_ID, to: sys.id, protocol: 'kafka', adapter: 'sftp', auth: 'password' })).field).toBe('protocol');

    const p = svc.addPathway(l.id, { from: TENANT_ID, to: sys.id, protocol: 'sftp', adapter: 'sftp', auth: 'password' }).pathways[0]!;
    expect(p.number).toBe(1);
    const edited = svc.updatePathway(l.id, p.id, { auth: 'public-key', keystoreAlias: 'files_key', endpoint: 'files.example.com:22' }).pathways[0]!;
    expect([edited.auth, edited.keystoreAlias, edited.protocol, edited.checklistDone]).toEqual(['public-key', 'files_key', 'sftp', []]);
    expect(refusal(() => svc.updatePathway(l.id, p.id, { keystoreAlias: 'sap_mine' })).field).toBe('pathways[0].keystoreAlias');

    const ticked = svc.tickStep(l.id, p.id, 'ci-known-hosts', true);
    expect(ticked.pathways[0]!.checklistDone).toEqual(['ci-known-hosts']);
    expect(svc.show(l.id).pathways[0]!.steps.find((s) => s.id === 'ci-known-hosts')!.done).toBe(true);

    expect(refusal(() => svc.removeSystem(l.id, sys.id)).code).toBe('IN_USE');
    svc.removePathway(l.id, '1');
    const second = svc.addPathway(l.id, { from: TENANT_ID, to: sys.id, protocol: 'sftp', adapter: 'sftp', auth: 'password' });
    expect(second.pathways[0]!.number).toBe(1);
    svc.removePathway(l.id, second.pathways[0]!.id);
    expect(svc.removeSystem(l.id, sys.id).systems).toEqual([]);
  });

  it('a refused mutation leaves the stored landscape unchanged', () => {
    const svc = open();
    const l = svc.create({ templateId: 's4-sscv2', name: 'S' });
    const before = JSON.stringify(svc.get(l.id));
    refusal(() => svc.updatePathway(l.id, '1', { auth: 'dual' }));
    expect(JSON.stringify(svc.get(l.id))).toBe(before);
  });
});

describe('no secrets in the landscape store', () => {
  it('refuses a private key in the modelled keystore or the CA list, naming the field', () => {
    const svc = open();
    const l = svc.create({ templateId: 'blank', name: 'K' });
    const pem = ['-----BEGIN', 'PRIVATE KEY-----\nMIIE\n-----END', 'PRIVATE KEY-----'].join(' ');
    const e1 = refusal(() => svc.update(l.id, { ciKeystore: [{ alias: 'acme_client', kind: 'key-pair', pem }] }));
    expect([e1.code, e1.field]).toEqual(['INVALID_INPUT', 'ciKeystore[0].pem']);
    const e2 = refusal(() => svc.update(l.id, { caCertificates: [{ label: 'x', pem, fingerprintSha256: '' }] }));
    expect(e2.field).toBe('caCertificates[0].pem');
  });
});
