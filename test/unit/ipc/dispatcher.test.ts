import * as z from 'zod';
import { describe, expect, it } from 'vitest';
import { contract, events } from '../../../shared/ipc/contract';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import { createEventHub } from '../../../main/ipc/event-hub';
import { AppError } from '../../../shared/result';
import { createLogger, createRedactor } from '../../../main/services/logger';

const ctx = createEventHub().context();

describe('the IPC contract', () => {
  it('gives every channel and event a unique window.api method name', () => {
    const names = [...Object.values(contract), ...(Object.values(events) as Array<{ method: string }>)].map((d) => d.method);
    expect(new Set(names).size).toBe(names.length);
  });
  it('names channels domain:action', () => {
    for (const name of [...Object.keys(contract), ...Object.keys(events)]) expect(name).toMatch(/^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/);
  });
  it('gives every channel a zod request schema', () => {
    for (const def of Object.values(contract)) expect(def.request).toBeInstanceOf(z.ZodType);
  });
});

describe('the dispatcher never throws across the boundary', () => {
  const lines: string[] = [];
  const log = createLogger((l) => lines.push(l), createRedactor());

  it('refuses an unknown channel', async () => {
    const d = createDispatcher({}, log);
    expect(await d('nope:nothing', undefined, ctx)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('validates input with the channel schema and names the field', async () => {
    let called = false;
    const d = createDispatcher({ 'app:open-external': async () => ((called = true), { opened: true }) }, log);
    const r = await d('app:open-external', { url: 42 }, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'url' } });
    expect(called).toBe(false);
  });

  it('refuses a field the schema does not name (zod would strip it), even an own __proto__', async () => {
    let called = false;
    const d = createDispatcher({ 'app:open-external': async () => ((called = true), { opened: true }) }, log);
    expect(await d('app:open-external', { url: 'https://help.sap.com', admin: true }, ctx)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'admin' } });
    const proto = JSON.parse('{"url":"https://help.sap.com","__proto__":{"polluted":1}}');
    expect(await d('app:open-external', proto, ctx)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: '__proto__' } });
    expect(called).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('turns an AppError into its code and message', async () => {
    const d = createDispatcher({ 'app:info': () => Promise.reject(new AppError('KEYCHAIN_UNAVAILABLE', 'no keychain')) }, log);
    expect(await d('app:info', undefined, ctx)).toEqual({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'no keychain' } });
  });

  it('turns any other error into INTERNAL without leaking its message to the caller or the log', async () => {
    const d = createDispatcher(
      {
        'app:info': () => {
          throw new Error('password=canary-Hunter2-xyz leaked by a library');
        },
      },
      log,
    );
    const r = await d('app:info', undefined, ctx);
    expect(r).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(r)).not.toContain('canary-Hunter2-xyz');
    expect(lines.join('')).not.toContain('canary-Hunter2-xyz');
    expect(lines.join('')).toContain('unexpected error in app:info');
  });

  it('returns the value of a handler as ok', async () => {
    const d = createDispatcher({ 'app:open-external': async ({ url }) => ({ opened: url.startsWith('https:') }) }, log);
    expect(await d('app:open-external', { url: 'https://help.sap.com' }, ctx)).toEqual({ ok: true, value: { opened: true } });
  });
});

describe('the logger redacts registered secrets', () => {
  it('masks a secret wherever it appears', () => {
    const out: string[] = [];
    const redactor = createRedactor();
    redactor.add('S3cr3t-Value');
    createLogger((l) => out.push(l), redactor).info('x', 'login with S3cr3t-Value', { again: 'S3cr3t-Value' });
    expect(out.join('')).not.toContain('S3cr3t-Value');
    expect(out.join('')).toContain('[redacted]');
  });
});
