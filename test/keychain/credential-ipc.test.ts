/**
 * The renderer never receives a secret: a scripted session calls EVERY credential channel through
 * the real dispatcher and handlers (real keyring), then walks every response for secret-named keys
 * and the canary values. Only the explicit reveal may carry them — and it must, or the walk could
 * not tell. Below, a type-level walk checks the response type of every channel in the contract.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../main/ipc/dispatcher';
import { createEventHub } from '../../main/ipc/event-hub';
import { createHandlers } from '../../main/ipc/handlers';
import type { Channel, Contract } from '../../shared/ipc/contract';
import { credentialChannels } from '../../shared/ipc/credential-channels';
import type { ResponseOf } from '../../shared/ipc/define';
import type { Result } from '../../shared/result';
import { SECRET_FIELD_NAMES } from '../../shared/vault/credential-kinds';
import { buildServiceKeys, generatePki } from '../support/service-key-fixtures';
import { createTestServices, makeHome } from '../support/test-services';

// ---- type level: no response type of the whole contract has a secret-named key (the reveals aside) ----
type SecretKey = (typeof SECRET_FIELD_NAMES)[number];
type Prev = [never, 0, 1, 2, 3, 4, 5, 6, 7, 8];
type KeysDeep<T, D extends number = 8> = [D] extends [never]
  ? never
  : T extends readonly (infer U)[]
    ? KeysDeep<U, Prev[D]>
    : T extends object
      ? { [K in keyof T]-?: K | KeysDeep<T[K], Prev[D]> }[keyof T]
      : never;
// The two explicit reveal acts: a credential's secret, and a bundle's generated passphrase (shown once).
type Walked = Exclude<Channel, 'credentials:reveal' | 'bundles:reveal-passphrase'>;
type Offending = { [K in Walked]: [Extract<KeysDeep<ResponseOf<Contract[K]>>, SecretKey>] extends [never] ? never : K }[Walked];
const noSecretInAnyResponseType: [Offending] extends [never] ? true : Offending = true;

// ---- run time ----
function secretKeysIn(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => secretKeysIn(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => [
      ...((SECRET_FIELD_NAMES as readonly string[]).includes(k) ? [`${path}.${k}`] : []),
      ...secretKeysIn(v, `${path}.${k}`),
    ]);
  }
  return [];
}

describe('IPC: no response carries a secret', () => {
  it('every response type of the contract is free of secret-named keys (checked by tsc)', () => {
    expect(noSecretInAnyResponseType).toBe(true);
  });

  it('a scripted session over every credential channel: only reveal returns secret values', async () => {
    const keys = buildServiceKeys(generatePki());
    const home = makeHome();
    const keyDir = makeHome('svc-key-');
    const keyFile = join(keyDir, 'service-key.json');
    writeFileSync(keyFile, JSON.stringify(keys.certificateWrapped));
    let clipboardText = '';
    const services = createTestServices(home, {
      clipboard: { writeText: (t) => void (clipboardText = t), readText: () => clipboardText },
      dialogs: { chooseOpenPath: async () => keyFile, chooseSavePath: async () => null },
    });
    const dispatch = createDispatcher(createHandlers(services), services.log);
    const hub = createEventHub();
    const calls: Array<{ channel: string; result: Result<unknown> }> = [];
    const call = async <T>(channel: string, request?: unknown): Promise<T> => {
      const result = await dispatch(channel, request, hub.context());
      calls.push({ channel, result });
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value as T;
    };
    const canary = `Canary-${crypto.randomUUID()}`;
    const canary2 = `Canary2-${crypto.randomUUID()}`;

    await call('credentials:list');
    const gen = await call<{ generatedId: string }>('credentials:generate-password', { length: 32 });
    const genBasic = await call<{ id: string }>('credentials:create-basic', { label: 'generated', user: 'u1', generatedId: gen.generatedId });
    const basic = await call<{ id: string }>('credentials:create-basic', { label: 'typed', user: 'u2', password: canary });
    const oauth = await call<{ id: string }>('credentials:create-oauth-client', { label: 'oauth', clientId: 'cid', tokenUrl: 'https://t.example/oauth/token', clientSecret: canary2 });
    const p12 = await call<{ id: string }>('credentials:create-keystore-passphrase', { label: 'p12', passphrase: `${canary}-p12` });
    await call('credentials:get', { id: basic.id });
    await call('credentials:update', { id: basic.id, label: 'typed v2', newSecret: `${canary}-v2` });
    await call('credentials:copy', { id: oauth.id });
    expect(clipboardText).toBe(canary2);
    const imported = await call<{ created: Array<{ id: string }> }>('credentials:import-service-key', { text: JSON.stringify(keys.secretWrapped) });
    await call('app:choose-open-path', { title: 'Service key' });
    const fromFile = await call<{ created: Array<{ id: string }> }>('credentials:import-service-key', { path: keyFile });
    const revealed = await call<{ revealed: Record<string, string> }>('credentials:reveal', { id: basic.id });
    expect(revealed.revealed).toEqual({ password: `${canary}-v2` });
    const generated = (await services.vault.readSecret(genBasic.id)).password as string;
    await call('credentials:reveal', { id: genBasic.id });
    await call('credentials:list');
    await call('credentials:orphans');
    // Refusals travel too: a duplicate label, a bad generatedId, a broken key.
    await call('credentials:create-basic', { label: 'oauth', user: 'u', password: canary }).catch(() => undefined);
    await call('credentials:create-basic', { label: 'n', user: 'u', generatedId: gen.generatedId }).catch(() => undefined);
    await call('credentials:import-service-key', { text: JSON.stringify({ oauth: { clientid: 'x', clientsecret: canary, url: canary, tokenurl: 'https://t' } }) }).catch(() => undefined);
    await call('credentials:repair', { orphans: [{ kind: 'stray-blob', id: 'none.sealed' }] });
    for (const id of [genBasic.id, basic.id, oauth.id, p12.id, ...imported.created.map((c) => c.id), ...fromFile.created.map((c) => c.id)]) {
      await call('credentials:remove', { id });
    }
    await call('app:info');
    rmSync(keyDir, { recursive: true, force: true });

    expect(new Set(calls.map((c) => c.channel))).toEqual(new Set([...Object.keys(credentialChannels), 'app:info', 'app:choose-open-path']));
    const values = [canary, `${canary}-v2`, `${canary}-p12`, canary2, keys.clientSecret, generated, `${'-'.repeat(5)}BEGIN RSA PRIVATE KEY${'-'.repeat(5)}`];
    for (const { channel, result } of calls) {
      const text = JSON.stringify(result);
      if (channel === 'credentials:reveal') continue;
      expect({ channel, keys: secretKeysIn(result) }).toEqual({ channel, keys: [] });
      for (const v of values) expect({ channel, leaked: text.includes(v) }).toEqual({ channel, leaked: false });
    }
    const reveals = calls.filter((c) => c.channel === 'credentials:reveal').map((c) => JSON.stringify(c.result));
    expect(reveals[0]).toContain(`${canary}-v2`);
    expect(reveals[1]).toContain(generated);
    expect(secretKeysIn(calls.find((c) => c.channel === 'credentials:reveal')!.result)).toEqual(['$.value.revealed.password']);
  });
});
