import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import { createEventHub } from '../../../main/ipc/event-hub';
import { createLandscapeHandlers } from '../../../main/ipc/landscape-handlers';
import { silentLogger } from '../../../main/services/logger';
import type { LandscapeDetail } from '../../../shared/ipc/landscape-channels';
import { TENANT_ID } from '../../../shared/landscape';
import { createTestServices, makeHome } from '../../support/test-services';

function setup() {
  const home = makeHome();
  const next: string[] = [];
  const pick = async () => next.shift() ?? null;
  const services = createTestServices(home, { dialogs: { chooseSavePath: pick, chooseOpenPath: pick } });
  const hub = createEventHub();
  const seen: unknown[] = [];
  hub.addSink((event, payload) => seen.push([event, payload]));
  const dispatch = createDispatcher(createLandscapeHandlers(services), silentLogger);
  const call = async <T>(channel: string, req?: unknown): Promise<T> => {
    const r = await dispatch(channel, req, hub.context());
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as T;
  };
  return { home, services, dispatch, hub, call, next, seen };
}

describe('landscape IPC', () => {
  it('lists, creates from a template, edits pathways, ticks, renames, duplicates, deletes', async () => {
    const { call, seen } = setup();
    expect(await call('landscapes:list')).toEqual([]);
    expect((await call<{ id: string }[]>('landscapes:templates')).map((t) => t.id)).toContain('s4-sscv2');
    expect((await call<unknown[]>('catalogue:list')).length).toBe(12);
    const d = await call<LandscapeDetail>('landscapes:create', { templateId: 's4-sscv2', name: 'ACME' });
    expect(d.pathways.map((p) => [p.number, p.direction, p.auth, p.maintainedAt[0]])).toEqual([
      [1, 'inbound', 'basic', 'btp-cockpit'],
      [2, 'outbound', 'client-certificate', 'ci-monitor'],
      [3, 'inbound', 'client-certificate', 'btp-cockpit'],
      [4, 'outbound', 'basic', 'ci-monitor'],
    ]);
    expect(d.findings.map((f) => f.code)).toEqual(['ACCESS_BOTH_PLACES']);
    const id = d.landscape.id;
    const ticked = await call<LandscapeDetail>('pathways:tick', { landscapeId: id, pathwayId: d.pathways[0]!.id, stepId: 'btp-instance', done: true });
    expect(ticked.pathways[0]!.steps.find((s) => s.id === 'btp-instance')!.done).toBe(true);
    const sys = await call<LandscapeDetail>('systems:add', { landscapeId: id, system: { name: 'Files', kind: 'sftp-server' } });
    const files = sys.landscape.systems.find((s) => s.name === 'Files')!;
    const withP = await call<LandscapeDetail>('pathways:add', { landscapeId: id, pathway: { from: TENANT_ID, to: files.id, protocol: 'sftp', adapter: 'sftp', auth: 'password' } });
    expect(withP.pathways.at(-1)!.number).toBe(5);
    await call('landscapes:rename', { landscapeId: id, name: 'ACME dev' });
    await call('landscapes:duplicate', { landscapeId: id, name: 'ACME test' });
    await call('landscapes:delete', { landscapeId: id });
    expect((await call<{ name: string }[]>('landscapes:list')).map((l) => l.name)).toEqual(['ACME test']);
    expect(seen).toContainEqual(['landscapes:changed', { landscapeId: id, change: 'removed' }]);
  });

  it('refuses bad requests naming the field', async () => {
    const { dispatch, hub, call } = setup();
    const d = await call<LandscapeDetail>('landscapes:create', { templateId: 'blank', name: 'B' });
    const r1 = await dispatch('landscapes:create', { templateId: 'blank', name: '' }, hub.context());
    expect(r1).toMatchObject({ ok: false, error: { field: 'name' } });
    const r2 = await dispatch('pathways:update', { landscapeId: d.landscape.id, pathwayId: '1', patch: { auth: 'nope' } }, hub.context());
    expect(r2).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const r3 = await dispatch('landscapes:export', { landscapeId: d.landscape.id, path: 'relative.json' }, hub.context());
    expect(r3).toMatchObject({ ok: false, error: { field: 'path' } });
  });

  it('exports and imports only at paths chosen in the dialog', async () => {
    const { home, services, dispatch, hub, call, next } = setup();
    const d = await call<LandscapeDetail>('landscapes:create', { templateId: 'mail-receiver', name: 'Mail' });
    const path = join(home, 'mail.landscape.json');
    const refused = await dispatch('landscapes:export', { landscapeId: d.landscape.id, path }, hub.context());
    expect(refused).toMatchObject({ ok: false, error: { code: 'PATH_NOT_CHOSEN' } });
    next.push(path);
    await services.userPaths.chooseSavePath({ title: 'Export' });
    await call('landscapes:export', { landscapeId: d.landscape.id, path });
    expect(readFileSync(path, 'utf8')).toContain('"format": "landscape-setup/landscape"');
    next.push(path);
    await services.userPaths.chooseOpenPath({ title: 'Import' });
    const imported = await call<{ landscape: { name: string } }>('landscapes:import', { path, name: 'Mail copy' });
    expect(imported.landscape.name).toBe('Mail copy');
  });
});
