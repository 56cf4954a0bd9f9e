/**
 * The IPC contract under attack. Every channel of the contract (iterated, so channels added later are
 * attacked too) gets wrong types, missing and extra fields, own __proto__/constructor/prototype keys,
 * 10 MB strings, 10,000-deep nesting and NaN/Infinity, through the registrar and dispatcher the
 * preload reaches (ipcMain.handle listener → sender check → dispatcher → real handlers, real keyring).
 * Each must come back as INVALID_INPUT naming the attacked field, with no handler run, nothing
 * thrown, no file in the data directory or keychain entry changed, and no secret in the error.
 * A request from any frame but the app's top frame is refused before validation.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { createEventHub } from '../../main/ipc/event-hub';
import { createHandlers } from '../../main/ipc/handlers';
import { APP_ENTRY_URL, type SenderFrameLike } from '../../main/shell/app-origin';
import { registerIpc, type IpcMainLike } from '../../main/shell/ipc-registrar';
import { contract, type Handlers } from '../../shared/ipc/contract';
import type { Result } from '../../shared/result';
import { attacksFor, baseRequest } from '../support/contract-attacks';
import { createTestServices, makeHome } from '../support/test-services';
import { searchKeyring } from './keychain-helpers';

type Listener = (event: { senderFrame: SenderFrameLike | null }, arg: unknown) => Promise<Result<unknown>>;

const CANARY_PASSWORD = 'Canary-Pw-9b1d-attack';
const home = makeHome('landscape-ipc-attack-');
const services = createTestServices(home);
const handlerCalls: string[] = [];
const listeners = new Map<string, Listener>();
const trusted = { url: APP_ENTRY_URL, parent: null };

beforeAll(async () => {
  const real = createHandlers(services);
  const spied = Object.fromEntries(
    Object.entries(real).map(([channel, h]) => [channel, (req: unknown, ctx: unknown) => (handlerCalls.push(channel), (h as (r: unknown, c: unknown) => unknown)(req, ctx))]),
  ) as Partial<Handlers>;
  const ipcMain: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
  const hub = createEventHub();
  registerIpc(ipcMain, createDispatcher(spied, services.log), hub);
  // Something to lose: a landscape and a credential whose password is the canary.
  const created = await call('landscapes:create', { templateId: 's4-sscv2', name: 'Attack target' });
  expect(created.ok).toBe(true);
  const cred = await call('credentials:create-basic', { label: 'Attack target user', user: 'RFC_USER', password: CANARY_PASSWORD });
  expect(cred.ok).toBe(true);
  handlerCalls.length = 0;
});


function call(channel: string, arg: unknown, frame: SenderFrameLike | null = trusted): Promise<Result<unknown>> {
  const listener = listeners.get(channel);
  if (!listener) throw new Error(`${channel} is not registered`);
  return listener({ senderFrame: frame }, arg);
}

function snapshot(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(`${relative(home, p)} ${createHash('sha256').update(readFileSync(p)).digest('hex')}`);
    }
  };
  walk(home);
  const vaultId = (JSON.parse(readFileSync(join(home, 'credentials.json'), 'utf8')) as { vaultId: string }).vaultId;
  const keychain = searchKeyring()
    .filter((i) => i.account.startsWith(`${vaultId}:`))
    .map((i) => `keychain ${i.account} ${createHash('sha256').update(i.secret).digest('hex')}`);
  return [...files, ...keychain].sort();
}

const channels = Object.keys(contract) as Array<keyof typeof contract>;

describe('IPC contract attack', () => {
  it('every channel is registered by the registrar', () => {
    expect([...listeners.keys()].sort()).toEqual([...channels].sort());
  });

  it('every hostile request on every channel is refused as INVALID_INPUT, naming the field; no handler runs; no state changes', async () => {
    const before = snapshot();
    expect(before.some((l) => l.startsWith('keychain '))).toBe(true);
    let total = 0;
    const unaimed: string[] = [];
    const accepted: string[] = [];
    for (const channel of channels) {
      const { attacks, aimed } = attacksFor(contract[channel].request);
      if (!aimed && contract[channel].request.safeParse(undefined).success === false) unaimed.push(channel);
      for (const attack of attacks) {
        total++;
        let r: Result<unknown>;
        try {
          r = await call(channel, attack.request);
        } catch (e) {
          accepted.push(`${channel} ${attack.name}: threw ${(e as Error).name}`);
          continue;
        }
        if (r.ok || r.error.code !== 'INVALID_INPUT') {
          accepted.push(`${channel} ${attack.name}: ${r.ok ? 'accepted' : r.error.code}`);
          continue;
        }
        const field = r.error.field ?? '';
        // A refusal inside the attacked field (deep nesting under an object field) is about that field too.
        if (attack.fields.length && !attack.fields.some((f) => field === f || field.startsWith(`${f}.`))) accepted.push(`${channel} ${attack.name}: refused for ${r.error.field}, not the attacked field`);
        const text = JSON.stringify(r);
        if (text.includes('Canary-') || text.length > 600) accepted.push(`${channel} ${attack.name}: the error echoes the payload or a secret`);
      }
    }
    console.log(`ipc attack: ${channels.length} channels, ${total} hostile requests, ${total - accepted.length} refused as invalid`);
    expect(accepted).toEqual([]);
    expect(handlerCalls).toEqual([]);
    expect(snapshot()).toEqual(before);
    // Every channel that takes an argument got field-level attacks, not just whole-request ones.
    expect(unaimed).toEqual([]);
    expect(total).toBeGreaterThan(channels.length * 12);
  });

  it('a request from any frame but the app top frame is refused before validation, on every channel', async () => {
    const before = snapshot();
    const frames: Array<SenderFrameLike | null> = [
      null,
      { url: APP_ENTRY_URL, parent: {} },
      { url: 'https://evil.example/index.html', parent: null },
      { url: 'file:///tmp/index.html', parent: null },
      { url: 'app://renderer.evil.example/index.html', parent: null },
      { url: 'http://renderer/index.html', parent: null },
      { url: 'not a url', parent: null },
    ];
    for (const channel of channels) {
      const request = baseRequest(contract[channel].request);
      for (const frame of frames) {
        const r = await call(channel, request, frame);
        expect(r, `${channel} from ${frame?.url ?? 'no frame'}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      }
    }
    expect(handlerCalls).toEqual([]);
    expect(snapshot()).toEqual(before);
  });

  it('the attack is able to fail: a valid request from the app frame does reach its handler', async () => {
    const r = await call('credentials:list', undefined);
    expect(r.ok).toBe(true);
    expect(handlerCalls).toEqual(['credentials:list']);
    expect(JSON.stringify(r)).not.toContain(CANARY_PASSWORD);
  });
});
