/**
 * Moving a landscape and its secrets to another laptop: export on one data directory (vault id,
 * keychain namespace), import on a second, every secret byte-identical, the landscape the same
 * (its landscape-file export is byte-identical). The Debian `age` CLI is the independent consumer
 * and producer of the format.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Decrypter, Encrypter } from 'age-encryption';
import { createVaultCredentialLinks } from '../../main/services/landscapes/credential-links';
import { accountOfIdentity } from '../../main/services/bundle/bundle-identity';
import { loadKeytar } from '../../main/services/vault/secret-backend';
import { BUNDLE_FORMAT, bundleDocumentSchema } from '../../shared/bundle/bundle-document';
import { createTestServices, makeHome } from '../support/test-services';
import { seedSender } from '../support/bundle-fixtures';
import type { Services } from '../../main/composition';

const vaultIdOf = (s: Services) => (JSON.parse(readFileSync(join(s.dataDir, 'credentials.json'), 'utf8')) as { vaultId: string }).vaultId;

async function identityKeyOf(s: Services): Promise<string> {
  const doc = JSON.parse(readFileSync(join(s.dataDir, 'bundle-identity.json'), 'utf8')) as { identity: { installationId: string } };
  return (await (await loadKeytar()).getPassword('landscape-setup', accountOfIdentity(doc.identity.installationId))) as string;
}

const outDir = () => mkdtempSync(join(tmpdir(), 'bundle-out-'));
const landscapeText = async (s: Services, name: string) => (await s.landscapes.files.exportText(name, createVaultCredentialLinks(s.vault))).text;

describe('bundle: export → import on a second data directory', { timeout: 300_000 }, () => {
  it('restores every referenced secret byte-identical under the receiver\'s own vault id; the landscape is the same', async () => {
    const sender = createTestServices(makeHome('bundle-sender-'));
    const receiver = createTestServices(makeHome('bundle-receiver-'));
    const seeded = await seedSender(sender);
    const { recipient } = await receiver.bundles.identity();
    expect(recipient).toMatch(/^age1[a-z0-9]{58}$/);
    expect(await receiver.bundles.identity()).toMatchObject({ recipient }); // stable once made

    const file = join(outDir(), 'acme.age');
    const exported = await sender.bundles.exportBundle([seeded.landscape], file, { recipient });
    expect(exported).toMatchObject({ landscapes: [seeded.landscape], credentials: 4, encryptedWith: 'recipient', unlinked: [] });
    const bytes = readFileSync(file);
    for (const secret of seeded.secrets.values()) for (const v of Object.values(secret)) expect(bytes.includes(Buffer.from(v))).toBe(false);

    const preview = await receiver.bundles.open(file);
    expect(preview.conflicts).toBe(0);
    expect(preview.credentials.map((c) => [c.label, c.status]).sort()).toEqual([...seeded.secrets.keys()].map((l) => [l, 'new']).sort());
    expect(JSON.stringify(preview)).not.toContain((seeded.secrets.get('SSC OAuth client') as { clientSecret: string }).clientSecret);
    const applied = await receiver.bundles.apply(preview.token, {});
    expect(applied.unresolved).toEqual([]);
    expect(applied.landscapes).toMatchObject([{ name: seeded.landscape, action: 'created' }]);

    for (const [label, secret] of seeded.secrets) {
      const here = await receiver.vault.findByLabel(label);
      expect(here, label).toBeDefined();
      expect(await receiver.vault.readSecret(here!.id)).toStrictEqual(secret);
    }
    expect(await receiver.vault.findByLabel('SFTP key')).toBeUndefined();
    expect(vaultIdOf(receiver)).not.toBe(vaultIdOf(sender));
    expect(await receiver.vault.orphans()).toEqual([]);
    // Same landscape, relinked to the receiver's ids: its landscape file is byte-identical.
    expect(await landscapeText(receiver, seeded.landscape)).toBe(await landscapeText(sender, seeded.landscape));
    const l = receiver.landscapes.get(seeded.landscape);
    const ids = new Set((await receiver.vault.list()).map((c) => c.id));
    expect(l.ciKeystore[0]?.credentialId && ids.has(l.ciKeystore[0].credentialId)).toBe(true);
    expect(l.knownHosts).toEqual(sender.landscapes.get(seeded.landscape).knownHosts);
    // The opened bundle is gone after apply.
    await expect(receiver.bundles.apply(preview.token, {})).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a second import finds identical credentials (reused) and the landscape in conflict: keep both, replace and skip', async () => {
    const sender = createTestServices(makeHome('bundle-sender-'));
    const receiver = createTestServices(makeHome('bundle-receiver-'));
    const seeded = await seedSender(sender, 'Conflicted');
    const file = join(outDir(), 'c.age');
    await sender.bundles.exportBundle(['Conflicted'], file, { recipient: (await receiver.bundles.identity()).recipient });
    await receiver.bundles.apply((await receiver.bundles.open(file)).token, {});

    // The receiver changed one password meanwhile: that one conflicts, the others are identical.
    const basic = (await receiver.vault.findByLabel('S/4 inbound user'))!;
    await receiver.vault.update(basic.id, { secret: { password: 'changed-here-1' } });
    const again = await receiver.bundles.open(file);
    expect(again.landscapes).toMatchObject([{ name: 'Conflicted', status: 'conflict' }]);
    const conflict = again.credentials.find((c) => c.status === 'conflict')!;
    expect(conflict).toMatchObject({ label: 'S/4 inbound user', local: { label: 'S/4 inbound user' } });
    expect(again.credentials.filter((c) => c.status === 'same')).toHaveLength(3);
    expect(again.conflicts).toBe(2);
    await expect(receiver.bundles.apply(again.token, {})).rejects.toMatchObject({ code: 'CONFLICTS_UNRESOLVED' });

    const kept = await receiver.bundles.apply(again.token, { [conflict.key]: 'keep-both', l0: 'keep-both' });
    expect(kept.landscapes).toMatchObject([{ name: 'Conflicted (2)', action: 'created' }]);
    expect(kept.credentials).toContainEqual({ label: 'S/4 inbound user (imported)', action: 'created' });
    expect(await receiver.vault.readSecret(basic.id)).toEqual({ password: 'changed-here-1' });
    const copy = receiver.landscapes.get('Conflicted (2)');
    const imported = (await receiver.vault.findByLabel('S/4 inbound user (imported)'))!;
    expect(copy.pathways[0]?.credentialId).toBe(imported.id);

    const replaced = await receiver.bundles.apply((await receiver.bundles.open(file)).token, {}, 'replace');
    expect(replaced.landscapes).toMatchObject([{ name: 'Conflicted', action: 'replaced' }]);
    expect(await receiver.vault.readSecret(basic.id)).toEqual(seeded.secrets.get('S/4 inbound user'));
    expect(receiver.landscapes.list().map((x) => x.name).sort()).toEqual(['Conflicted', 'Conflicted (2)']);

    await receiver.vault.update(basic.id, { secret: { password: 'changed-again-1' } });
    const skipped = await receiver.bundles.apply((await receiver.bundles.open(file)).token, {}, 'skip');
    expect(skipped.landscapes).toMatchObject([{ name: 'Conflicted', action: 'skipped' }]);
    expect(await receiver.vault.readSecret(basic.id)).toEqual({ password: 'changed-again-1' });
    expect(await receiver.vault.orphans()).toEqual([]);
  });
});

describe('bundle: the age CLI reads what we write and writes what we read', { timeout: 300_000 }, () => {
  it('a bundle made for a recipient decrypts with `age -d -i` and the identity', async () => {
    const sender = createTestServices(makeHome('bundle-sender-'));
    const receiver = createTestServices(makeHome('bundle-receiver-'));
    const seeded = await seedSender(sender, 'For age');
    const dir = outDir();
    const file = join(dir, 'for-age.age');
    await sender.bundles.exportBundle(['For age'], file, { recipient: (await receiver.bundles.identity()).recipient });
    const idFile = join(dir, 'identity.txt');
    writeFileSync(idFile, `${await identityKeyOf(receiver)}\n`, { mode: 0o600 });
    const r = spawnSync('age', ['-d', '-i', idFile, file], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = bundleDocumentSchema.parse(JSON.parse(r.stdout));
    expect(doc.format).toBe(BUNDLE_FORMAT);
    expect(doc.landscapes.map((f) => f.landscape.name)).toEqual(['For age']);
    expect(new Map(doc.credentials.map((c) => [c.label, c.secret]))).toEqual(seeded.secrets);
  });

  it('a file `age -e -r` made from a valid inner document imports', async () => {
    const receiver = createTestServices(makeHome('bundle-receiver-'));
    const { recipient } = await receiver.bundles.identity();
    const password = `by-hand-${Date.now()}-ö`;
    const scratch = createTestServices(makeHome('bundle-scratch-'));
    scratch.landscapes.create({ templateId: 's4-sscv2', name: 'Hand made landscape' });
    const landscapeFile = JSON.parse((await scratch.landscapes.files.exportText('Hand made landscape')).text);
    const inner = {
      format: BUNDLE_FORMAT,
      formatVersion: 1,
      createdAt: new Date().toISOString(),
      landscapes: [landscapeFile],
      credentials: [{ label: 'Hand made', kind: 'basic', meta: { user: 'H' }, secret: { password } }],
    };
    inner.landscapes[0].landscape.pathways[0].credential = { label: 'Hand made' };
    const dir = outDir();
    const file = join(dir, 'by-age.age');
    const r = spawnSync('age', ['-e', '-r', recipient, '-o', file], { input: JSON.stringify(inner), encoding: 'utf8', timeout: 30_000 });
    expect(r.status, r.stderr).toBe(0);
    const preview = await receiver.bundles.open(file);
    expect(preview.credentials).toMatchObject([{ label: 'Hand made', status: 'new' }]);
    const applied = await receiver.bundles.apply(preview.token, {});
    expect(applied.unresolved).toEqual([]);
    const cred = (await receiver.vault.findByLabel('Hand made'))!;
    expect(await receiver.vault.readSecret(cred.id)).toEqual({ password });
    expect(receiver.landscapes.get(inner.landscapes[0].landscape.name).pathways[0]?.credentialId).toBe(cred.id);
    // ASCII armor (`age -a`) is accepted too.
    const armored = join(dir, 'armored.age');
    expect(spawnSync('age', ['-e', '-a', '-r', recipient, '-o', armored], { input: JSON.stringify({ ...inner, landscapes: [{ ...inner.landscapes[0], landscape: { ...inner.landscapes[0].landscape, name: 'Armored' } }] }) }).status).toBe(0);
    expect((await receiver.bundles.open(armored)).landscapes).toMatchObject([{ name: 'Armored', status: 'new' }]);
  });

  it('passphrase bundles: our scrypt stanza opens with the library\'s own passphrase code and the other way round', async () => {
    const sender = createTestServices(makeHome('bundle-sender-'));
    const receiver = createTestServices(makeHome('bundle-receiver-'));
    const seeded = await seedSender(sender, 'By passphrase');
    const file = join(outDir(), 'pp.age');
    const exported = await sender.bundles.exportBundle(['By passphrase'], file, { generatePassphrase: true });
    expect(JSON.stringify(exported)).not.toMatch(/[a-z2-9]{5}-[a-z2-9]{5}-/);
    const { passphrase } = sender.bundles.revealPassphrase(exported.passphraseToken!);
    expect(passphrase).toMatch(/^([a-z2-9]{5}-){5}[a-z2-9]{5}$/);
    expect(() => sender.bundles.revealPassphrase(exported.passphraseToken!)).toThrow(/shown once already/);
    expect(readFileSync(file).toString('latin1')).toMatch(/^age-encryption\.org\/v1\n-> scrypt \S{22} 18\n/);
    const lib = new Decrypter();
    lib.addPassphrase(passphrase);
    const doc = bundleDocumentSchema.parse(JSON.parse(await lib.decrypt(readFileSync(file), 'text')));
    expect(new Map(doc.credentials.map((c) => [c.label, c.secret]))).toEqual(seeded.secrets);

    await expect(receiver.bundles.open(file)).rejects.toMatchObject({ code: 'PASSPHRASE_REQUIRED' });
    // (Opening with the right passphrase: bundle-refusals.test.ts, at a cheaper work factor.)

    const e = new Encrypter();
    e.setPassphrase('library-made passphrase');
    e.setScryptWorkFactor(12);
    const libFile = join(outDir(), 'lib.age');
    writeFileSync(libFile, await e.encrypt(JSON.stringify(doc)));
    const preview = await receiver.bundles.open(libFile, 'library-made passphrase');
    expect(preview).toMatchObject({ encryptedWith: 'passphrase', conflicts: 0 });
    expect(preview.credentials).toHaveLength(4);
  });
});
