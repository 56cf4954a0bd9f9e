/**
 * The canary test: a scripted session creates, uses, reveals, copies and removes credentials
 * through the real IPC handlers and the real CLI; afterwards the data directory, its logs and every
 * file written under the temp directory during the test hold the canary secret 0 times.
 * (The keyring's own file lives there too — gnome-keyring encrypts it, so it must not match either.)
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { createEventHub } from '../../main/ipc/event-hub';
import { createHandlers } from '../../main/ipc/handlers';
import type { Result } from '../../shared/result';
import { buildServiceKeys, generatePki } from '../support/service-key-fixtures';
import { createTestServices, makeHome } from '../support/test-services';
import { pemBlock } from '../support/pem-block';

function filesUnder(dir: string, since: number, out: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (st.isDirectory()) filesUnder(path, since, out);
      else if (st.isFile() && st.mtimeMs >= since && st.size < 50 * 1024 * 1024) out.push(path);
    } catch {
      // vanished or unreadable (another process's file): nothing of ours
    }
  }
  return out;
}

function occurrences(paths: string[], needles: string[]): Array<{ path: string; needle: string }> {
  const hits: Array<{ path: string; needle: string }> = [];
  for (const path of paths) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      continue;
    }
    for (const needle of needles) if (bytes.includes(Buffer.from(needle))) hits.push({ path, needle });
  }
  return hits;
}

describe('canary: no secret in files, logs or temp files after a whole session', () => {
  it('create, use, reveal, copy and remove via IPC and CLI leave the canary nowhere on disk', { timeout: 600_000 }, async () => {
    const started = Date.now() - 1000;
    const canary = `CANARY-${crypto.randomUUID()}`;
    const keys = buildServiceKeys(generatePki());
    const serviceKey = JSON.stringify({ oauth: { ...(keys.secretWrapped.oauth as object), clientsecret: `${canary}-svc` } });
    const home = makeHome('landscape-canary-');
    let clipboardText = '';
    const services = createTestServices(home, { clipboard: { writeText: (t) => void (clipboardText = t), readText: () => clipboardText } });
    const dispatch = createDispatcher(createHandlers(services), services.log);
    const ctx = createEventHub().context();
    const call = async <T>(channel: string, request?: unknown) => {
      const r = (await dispatch(channel, request, ctx)) as Result<T>;
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
      return r.value;
    };

    // Through the IPC handlers, as the renderer would.
    const basic = await call<{ id: string }>('credentials:create-basic', { label: 'canary basic', user: 'u', password: canary });
    const bigKey = pemBlock('PRIVATE KEY', `${canary}\n${'QUJD'.repeat(12_000)}`);
    const big = await services.vault.create({ kind: 'key-pair', label: 'canary big', secret: { privateKeyPem: bigKey, passphrase: `${canary}-pp` } });
    const imported = await call<{ created: Array<{ id: string }> }>('credentials:import-service-key', { text: serviceKey });
    await call('credentials:update', { id: basic.id, newSecret: `${canary}-v2` });
    // "Use": a probe reads the secret in main and its transcript goes through the logger.
    const used = await services.vault.readSecret(basic.id);
    services.log.info('probe', `AUTH PLAIN ${used.password}`, { header: `Basic ${used.password}` });
    services.log.error('probe', `server echoed ${(await services.vault.readSecret(big.id)).passphrase}`);
    await call('credentials:reveal', { id: basic.id });
    await call('credentials:copy', { id: imported.created[0]!.id });
    expect(clipboardText).toBe(`${canary}-svc`);
    // A failing call whose input holds the secret must not log it either.
    await dispatch('credentials:create-basic', { label: 'canary basic', user: 'u', password: canary }, ctx);

    // Through the CLI, as a user in a terminal would.
    const cli = (args: string[], input = '', env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['bin/landscape.mjs', 'credentials', ...args], { encoding: 'utf8', input, env: { ...process.env, LANDSCAPE_HOME: home, ...env }, timeout: 90_000 });
    expect(cli(['add', '--label', 'cli canary', '--user', 'c', '--password-env', 'CANARY_PW'], '', { CANARY_PW: `${canary}-cli` }).status).toBe(0);
    expect(cli(['add', '--kind', 'pkcs12-passphrase', '--label', 'cli stdin', '--passphrase-env', '-'], `${canary}-stdin\n`).status).toBe(0);
    expect(cli(['reveal', 'cli canary']).stdout).toContain(`${canary}-cli`);
    expect(cli(['import-service-key', '-', '--label', 'cli import'], serviceKey).status).toBe(0);
    expect(cli(['list']).status).toBe(0);

    for (const c of await services.vault.list()) await services.vault.remove(c.id);
    expect(await services.vault.list()).toEqual([]);
    expect(cli(['list', '--json']).stdout).toContain('"credentials": []');

    const needles = [canary, `${canary}-svc`, `${canary}-v2`, `${canary}-pp`, `${canary}-cli`, `${canary}-stdin`];
    const dataFiles = filesUnder(home, 0);
    expect(dataFiles.some((f) => f.endsWith('credentials.json'))).toBe(true);
    expect(dataFiles.some((f) => f.endsWith('main.log'))).toBe(true);
    expect(readFileSync(join(home, 'logs', 'main.log'), 'utf8')).toContain('[redacted]');
    expect(occurrences(dataFiles, needles)).toEqual([]);
    const tempFiles = filesUnder(tmpdir(), started);
    expect(tempFiles.length).toBeGreaterThan(0);
    expect(occurrences(tempFiles, needles)).toEqual([]);
  });
});
