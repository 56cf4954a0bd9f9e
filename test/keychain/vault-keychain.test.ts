import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Services } from '../../main/composition';
import { type AppError } from '../../shared/result';
import { createTestServices } from '../support/test-services';
import { searchKeyring } from './keychain-helpers';
import { pemBlock } from '../support/pem-block';

const created: Array<{ s: Services; id: string }> = [];
afterEach(async () => {
  for (const { s, id } of created.splice(0)) await s.vault.remove(id).catch(() => undefined);
});

async function create(s: Services, input: Parameters<Services['vault']['create']>[0]) {
  const meta = await s.vault.create(input);
  created.push({ s, id: meta.id });
  return meta;
}

const accountOf = (s: Services, id: string) => {
  const doc = JSON.parse(readFileSync(join(s.dataDir, 'credentials.json'), 'utf8')) as { vaultId: string };
  return `${doc.vaultId}:${id}`;
};

describe('vault on the real Secret Service (gnome-keyring)', () => {
  it('stores the secret in the keyring (secret-tool sees it) and only metadata in the data directory', async () => {
    const s = createTestServices();
    const password = `pw-${crypto.randomUUID()}`;
    const meta = await create(s, { kind: 'basic', label: 'ERP basic', meta: { user: 'PI_USER' }, secret: { password } });
    const items = searchKeyring(accountOf(s, meta.id));
    expect(items).toHaveLength(1);
    expect(items[0]!.secret).toContain(password);
    const onDisk = readFileSync(join(s.dataDir, 'credentials.json'), 'utf8');
    expect(onDisk).toContain('ERP basic');
    expect(onDisk).not.toContain(password);
    expect(await s.vault.readSecret(meta.id)).toEqual({ password });
    expect(await s.vault.list()).toEqual([meta]);
    expect(await s.vault.findByLabel('ERP basic')).toEqual(meta);
  });

  it('updates label, metadata and secret; remove deletes the keyring entry and the metadata', async () => {
    const s = createTestServices();
    const meta = await create(s, { kind: 'oauth2-client', label: 'CI client', meta: { clientId: 'cid', tokenUrl: 'https://t/oauth/token' }, secret: { clientSecret: 'first-secret-1' } });
    const updated = await s.vault.update(meta.id, { label: 'CI client v2', meta: { clientId: 'cid2' }, secret: { clientSecret: 'second-secret-2' } });
    expect(updated).toMatchObject({ label: 'CI client v2', clientId: 'cid2', tokenUrl: 'https://t/oauth/token', createdAt: meta.createdAt });
    expect(await s.vault.readSecret(meta.id)).toEqual({ clientSecret: 'second-secret-2' });
    const account = accountOf(s, meta.id);
    await s.vault.remove(meta.id);
    expect(searchKeyring(account)).toHaveLength(0);
    expect(await s.vault.list()).toEqual([]);
    await expect(s.vault.get(meta.id)).rejects.toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('large secrets: a 60 KiB private key is sealed — small keyring entry, encrypted blob, exact round trip', async () => {
    const s = createTestServices();
    const pem = pemBlock('PRIVATE KEY', 'TUlJ'.repeat(15_000));
    const meta = await create(s, { kind: 'key-pair', label: 'big key', secret: { privateKeyPem: pem, passphrase: 'pass-phrase-9' } });
    const [item] = searchKeyring(accountOf(s, meta.id));
    expect(Buffer.byteLength(item!.secret)).toBeLessThan(2560);
    expect(item!.secret).not.toContain('TUlJTUlJ');
    const blobs = readdirSync(join(s.dataDir, 'vault'));
    expect(blobs).toHaveLength(1);
    const blob = readFileSync(join(s.dataDir, 'vault', blobs[0]!));
    expect(blob.includes(Buffer.from('TUlJTUlJ'))).toBe(false);
    expect(blob.includes(Buffer.from('pass-phrase-9'))).toBe(false);
    expect(await s.vault.readSecret(meta.id)).toEqual({ privateKeyPem: pem, passphrase: 'pass-phrase-9' });
    // A new secret replaces the blob; removal deletes it.
    await s.vault.update(meta.id, { secret: { privateKeyPem: pem.replace('TUlJ', 'QUJD') } });
    expect(readdirSync(join(s.dataDir, 'vault'))).toHaveLength(1);
    await s.vault.remove(meta.id);
    expect(readdirSync(join(s.dataDir, 'vault'))).toHaveLength(0);
  });

  it('refuses more than 64 KiB, a duplicate label, a secret inside the metadata, and unknown metadata fields', async () => {
    const s = createTestServices();
    const codeOf = async (p: Promise<unknown>) => p.then(() => 'resolved', (e: AppError) => `${e.code}:${e.field}`);
    expect(await codeOf(s.vault.create({ kind: 'key-pair', label: 'huge', secret: { privateKeyPem: 'x'.repeat(66_000) } }))).toBe('INVALID_INPUT:secret');
    await create(s, { kind: 'basic', label: 'taken', meta: { user: 'u' }, secret: { password: 'abcdefgh1' } });
    expect(await codeOf(s.vault.create({ kind: 'basic', label: 'taken', secret: { password: 'abcdefgh2' } }))).toBe('LABEL_TAKEN:label');
    expect(await codeOf(s.vault.create({ kind: 'basic', label: 'x', meta: { user: 'Secret-In-User-1' }, secret: { password: 'Secret-In-User-1' } }))).toBe('SECRET_IN_METADATA:meta');
    const sneaky = { user: 'u', password: 'oops' } as unknown as Record<string, string>;
    expect(await codeOf(s.vault.create({ kind: 'basic', label: 'y', meta: sneaky, secret: { password: 'abcdefgh3' } }))).toBe('INVALID_INPUT:meta');
    expect(await codeOf(s.vault.create({ kind: 'basic', label: 'z', secret: { passphrase: 'abcdefgh3' } }))).toBe('INVALID_INPUT:secret.password');
    expect((await s.vault.list()).map((c) => c.label)).toEqual(['taken']);
  });

  it('registers every secret written or read with the redactor, so the log masks it', async () => {
    const s = createTestServices();
    const password = `canary-${crypto.randomUUID()}`;
    const meta = await create(s, { kind: 'basic', label: 'logged', meta: { user: 'u' }, secret: { password } });
    s.log.info('probe', `transcript: AUTH PLAIN user ${password}`);
    const fresh = createTestServices(s.dataDir);
    await fresh.vault.readSecret(meta.id);
    fresh.log.info('probe', `second process saw ${password}`);
    const log = readFileSync(join(s.dataDir, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('[redacted]');
    expect(log).not.toContain(password);
  });

  it('a second data directory has its own namespace in the same keyring', async () => {
    const a = createTestServices();
    const b = createTestServices();
    await create(a, { kind: 'pkcs12-passphrase', label: 'same label', secret: { passphrase: 'pass-a-123' } });
    await create(b, { kind: 'pkcs12-passphrase', label: 'same label', secret: { passphrase: 'pass-b-123' } });
    expect(await a.vault.orphans()).toEqual([]);
    expect(await b.vault.orphans()).toEqual([]);
    expect(existsSync(join(a.dataDir, 'credentials.json'))).toBe(true);
  });
});

describe('vault kind change', () => {
  it('a key pair becomes a client certificate in place (same id, same secret); other changes are refused', async () => {
    const s = createTestServices();
    const key = await s.vault.create({ kind: 'key-pair', label: 'erp key', meta: { keyAlgorithm: 'rsa' }, secret: { privateKeyPem: 'pem-of-the-key-1' } });
    const paired = await s.vault.update(key.id, { kind: 'client-certificate', meta: { subject: 'CN=erp', certificateChainPem: ['-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n'] } });
    expect(paired).toMatchObject({ id: key.id, kind: 'client-certificate', subject: 'CN=erp', keyAlgorithm: 'rsa' });
    expect(await s.vault.readSecret(key.id)).toEqual({ privateKeyPem: 'pem-of-the-key-1' });
    await expect(s.vault.update(key.id, { kind: 'basic' })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'kind' });
    await s.vault.remove(key.id);
  });
});
