/**
 * The handover through the CLI (stdout and --out) and through IPC, where it is written only to a
 * path the user chose in the file dialog.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run-cli';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import { createEventHub } from '../../../main/ipc/event-hub';
import { createHandlers } from '../../../main/ipc/handlers';
import { createTestServices, makeHome } from '../../support/test-services';

describe('handover surfaces', () => {
  it('CLI prints Markdown or JSON and writes --out', async () => {
    const home = makeHome();
    const services = createTestServices(home);
    services.landscapes.create({ templateId: 's4-sscv2', name: 'Acme' });
    const out: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t), env: {}, readStdin: async () => '' };
    expect(await runCli(['handover', 'Acme'], io, () => services)).toBe(0);
    expect(out.join('')).toContain('## Cloud Integration → Monitor → Manage Security');
    out.length = 0;
    expect(await runCli(['handover', 'Acme', '--json'], io, () => services)).toBe(0);
    expect(JSON.parse(out.join('')).sections).toHaveLength(4);
    const file = join(home, 'acme-handover.md');
    expect(await runCli(['handover', 'Acme', '--out', file], io, () => services)).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# Handover: Acme/);
    expect(await runCli(['handover'], io, () => services)).toBe(2);
  });

  it('IPC writes only to the path chosen in the dialog', async () => {
    const home = makeHome();
    const chosen = join(home, 'chosen.md');
    const services = createTestServices(home, {
      dialogs: { chooseSavePath: async () => chosen, chooseOpenPath: async () => null },
    });
    const l = services.landscapes.create({ templateId: 's4-sscv2', name: 'Acme' });
    const dispatch = createDispatcher(createHandlers(services), services.log);
    const ctx = createEventHub().context();
    const madeUp = join(home, 'made-up.md');
    expect(await dispatch('landscapes:export-handover', { landscapeId: l.id, path: madeUp }, ctx)).toMatchObject({ ok: false, error: { code: 'PATH_NOT_CHOSEN' } });
    expect(existsSync(madeUp)).toBe(false);
    await dispatch('app:choose-save-path', { title: 'Save the handover' }, ctx);
    expect(await dispatch('landscapes:export-handover', { landscapeId: l.id, path: chosen }, ctx)).toEqual({ ok: true, value: { path: chosen } });
    expect(readFileSync(chosen, 'utf8')).toContain('# Handover: Acme');
    const viaIpc = await dispatch('landscapes:handover', { landscapeId: l.id }, ctx);
    expect(viaIpc.ok && (viaIpc.value as { markdown: string }).markdown).toBe(readFileSync(chosen, 'utf8'));
  });
});
