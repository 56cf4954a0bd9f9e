import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestServices, makeHome } from '../support/test-services';
import { confFailingOnWrite, keytarFailingOnSet, searchKeyring, type Switch } from './keychain-helpers';
import { pemBlock } from '../support/pem-block';

const big = (c: string) => pemBlock('PRIVATE KEY', c.repeat(6000));
const vaultIdOf = (home: string) => (JSON.parse(readFileSync(join(home, 'credentials.json'), 'utf8')) as { vaultId: string }).vaultId;
const blobsIn = (home: string) => (existsSync(join(home, 'vault')) ? readdirSync(join(home, 'vault')) : []);

describe('no half-saved credential: rollback on the real keyring', () => {
  it('keychain write fails → create refused, no metadata, no keyring entry, no blob', async () => {
    const keychain: Switch = { on: false };
    const s = createTestServices(makeHome(), { loadSecretBackend: keytarFailingOnSet(keychain) });
    const ok = await s.vault.create({ kind: 'basic', label: 'before', meta: { user: 'u' }, secret: { password: 'pw-before-1' } });
    keychain.on = true;
    for (const secret of [{ password: 'pw-small-1' }, { password: big('A') }]) {
      await expect(s.vault.create({ kind: 'basic', label: 'doomed', meta: { user: 'u' }, secret })).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    }
    expect((await s.vault.list()).map((c) => c.label)).toEqual(['before']);
    expect(searchKeyring().filter((i) => i.account.startsWith(vaultIdOf(s.dataDir)))).toHaveLength(1);
    expect(blobsIn(s.dataDir)).toEqual([]);
    // Update with a failing keychain keeps the old secret and the old metadata.
    await expect(s.vault.update(ok.id, { label: 'renamed', secret: { password: 'pw-after-1' } })).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    keychain.on = false;
    expect(await s.vault.get(ok.id)).toEqual(ok);
    expect(await s.vault.readSecret(ok.id)).toEqual({ password: 'pw-before-1' });
    await s.vault.remove(ok.id);
  });

  it('metadata write fails → the keyring entry (and blob) just written are undone; update and remove restore the old state', async () => {
    const disk: Switch = { on: false };
    const s = createTestServices(makeHome(), { storeBackend: confFailingOnWrite(disk) });
    const kept = await s.vault.create({ kind: 'key-pair', label: 'kept', secret: { privateKeyPem: big('K') } });
    const vid = vaultIdOf(s.dataDir);
    const before = readFileSync(join(s.dataDir, 'credentials.json'), 'utf8');
    disk.on = true;
    await expect(s.vault.create({ kind: 'key-pair', label: 'doomed', secret: { privateKeyPem: big('D') } })).rejects.toMatchObject({ code: 'METADATA_WRITE_FAILED' });
    expect(searchKeyring().filter((i) => i.account.startsWith(vid)).map((i) => i.account)).toEqual([`${vid}:${kept.id}`]);
    expect(blobsIn(s.dataDir)).toHaveLength(1);

    await expect(s.vault.update(kept.id, { label: 'new', secret: { privateKeyPem: big('N') } })).rejects.toMatchObject({ code: 'METADATA_WRITE_FAILED' });
    await expect(s.vault.remove(kept.id)).rejects.toMatchObject({ code: 'METADATA_WRITE_FAILED' });
    disk.on = false;
    expect(readFileSync(join(s.dataDir, 'credentials.json'), 'utf8')).toBe(before);
    expect(await s.vault.readSecret(kept.id)).toEqual({ privateKeyPem: big('K') });
    expect(blobsIn(s.dataDir)).toHaveLength(1);
    expect(await s.vault.orphans()).toEqual([]);
    await s.vault.remove(kept.id);
  });
});

describe('orphan scan and repair', () => {
  it('finds keyring entries without metadata, metadata without a secret, unreadable secrets and stray blobs; repairs them', async () => {
    const s = createTestServices();
    const healthy = await s.vault.create({ kind: 'basic', label: 'healthy', meta: { user: 'u' }, secret: { password: 'pw-healthy-1' } });
    const lost = await s.vault.create({ kind: 'basic', label: 'lost secret', meta: { user: 'u' }, secret: { password: 'pw-lost-1' } });
    const sealed = await s.vault.create({ kind: 'key-pair', label: 'lost blob', secret: { privateKeyPem: big('B') } });
    const vid = vaultIdOf(s.dataDir);
    // Behind the vault's back, but through the SecretStore (its keychain lock; see keychain-lock.ts).
    await s.secrets.delete(`${vid}:${lost.id}`);
    await s.secrets.set(`${vid}:cred-0123456789abcdef`, JSON.stringify({ v: 1, p: { password: 'stray-pw-1' } }));
    const [blob] = blobsIn(s.dataDir);
    writeFileSync(join(s.dataDir, 'vault', 'cred-deadbeefdeadbeef-0000.sealed'), 'junk');
    writeFileSync(join(s.dataDir, 'vault', blob!), 'damaged');

    const orphans = await s.vault.orphans();
    expect(orphans.map((o) => `${o.kind} ${o.id}`).sort()).toEqual(
      [
        `metadata-without-secret ${lost.id}`,
        'secret-without-metadata cred-0123456789abcdef',
        `secret-unreadable ${sealed.id}`,
        'stray-blob cred-deadbeefdeadbeef-0000.sealed',
      ].sort(),
    );
    expect(orphans.every((o) => o.repair.length > 10)).toBe(true);
    await expect(s.vault.readSecret(sealed.id)).rejects.toMatchObject({ code: 'SECRET_UNREADABLE' });

    // A request for a healthy credential is ignored: repair acts only on what a fresh scan finds.
    const report = await s.vault.repair([...orphans, { kind: 'metadata-without-secret', id: healthy.id }]);
    expect(report.repaired).toHaveLength(4);
    expect(report.remaining).toEqual([]);
    expect((await s.vault.list()).map((c) => c.label)).toEqual(['healthy']);
    expect(searchKeyring().filter((i) => i.account.startsWith(vid)).map((i) => i.account)).toEqual([`${vid}:${healthy.id}`]);
    expect(blobsIn(s.dataDir)).toEqual([]);
    await s.vault.remove(healthy.id);
  });
});
