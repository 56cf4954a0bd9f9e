/**
 * PGP keys travel with the landscape: the keys its pathways use (ours with the secret half, the
 * partner's public), not the others; on the receiver the vault holds our key's secret byte-identical,
 * gpg imports the secret keyring the receiver exports (so the private key really arrived), the
 * landscape lint finds every key, and a second import reuses what is there.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, describe, expect, it } from 'vitest';
import { Decrypter } from 'age-encryption';
import { createTestServices, makeHome } from '../support/test-services';
import { seedSender } from '../support/bundle-fixtures';
import { makeGnuPg, type GnuPg } from '../support/gnupg';

const homes: GnuPg[] = [];

async function innerDocument(file: string, passphrase: string) {
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  return JSON.parse(await d.decrypt(readFileSync(file), 'text'));
}
afterAll(() => homes.forEach((g) => g.close()));

describe('bundle: PGP keys to another laptop', { timeout: 300_000 }, () => {
  it('carries the keys the pathways use and restores them: secret half byte-identical, usable by gpg', async () => {
    const sender = createTestServices(makeHome('bundle-pgp-sender-'));
    const receiver = createTestServices(makeHome('bundle-pgp-receiver-'));
    const seeded = await seedSender(sender, 'PGP Moved');
    const ours = await sender.pgp.create({ label: 'Acme PGP', userId: 'Acme Integration <integration@acme.example>' });
    await sender.pgp.create({ label: 'Unused PGP', userId: 'Unused <unused@acme.example>' });
    const { publicKey } = await openpgp.generateKey({ type: 'rsa', rsaBits: 2048, userIDs: [{ name: 'SSC Orders', email: 'orders@ssc.example' }], format: 'armored' });
    const partner = (await sender.pgp.importKeys({ data: publicKey, label: 'SSC PGP' })).imported[0]!;
    await sender.pgp.attach({ landscape: 'PGP Moved', pathway: 2, own: 'Acme PGP', partner: 'SSC PGP' });
    const senderSecret = await sender.vault.readSecret((await sender.vault.findByLabel('Acme PGP'))!.id);

    const { recipient } = await receiver.bundles.identity();
    const file = join(mkdtempSync(join(tmpdir(), 'bundle-pgp-')), 'pgp.age');
    const exported = await sender.bundles.exportBundle(['PGP Moved'], file, { recipient });
    expect(exported.credentials).toBe(seeded.secrets.size + 1);
    // The inner document (a passphrase copy, read with the age library): format 2, the two keys in use only.
    const plain = join(mkdtempSync(join(tmpdir(), 'bundle-pgp-pass-')), 'pgp-pass.age');
    await sender.bundles.exportBundle(['PGP Moved'], plain, { passphrase: 'inner-document-check' });
    const doc = await innerDocument(plain, 'inner-document-check');
    expect(doc.formatVersion).toBe(2);
    expect(doc.pgpKeys.map((k: { fingerprint: string; credential?: string }) => [k.fingerprint, k.credential ?? null]).sort()).toEqual([[ours.fingerprint, 'Acme PGP'], [partner.fingerprint, null]].sort());
    expect(JSON.stringify(doc.pgpKeys)).not.toContain('PRIVATE KEY');
    const preview = await receiver.bundles.open(file);
    expect(preview.credentials.find((c) => c.label === 'Acme PGP')).toMatchObject({ kind: 'pgp-key', status: 'new' });
    expect(preview.credentials.some((c) => c.label === 'Unused PGP')).toBe(false);
    const applied = await receiver.bundles.apply(preview.token, {});
    expect(applied.pgpKeys?.sort((a, b) => a.label.localeCompare(b.label))).toEqual([
      { label: 'Acme PGP', action: 'created' },
      { label: 'SSC PGP', action: 'created' },
    ]);

    const keys = await receiver.pgp.list();
    expect(keys.map((k) => [k.label, k.fingerprint, k.role]).sort()).toEqual([
      ['Acme PGP', ours.fingerprint, 'own'],
      ['SSC PGP', partner.fingerprint, 'partner'],
    ]);
    expect(await receiver.vault.readSecret((await receiver.vault.findByLabel('Acme PGP'))!.id)).toStrictEqual(senderSecret);
    const lint = await receiver.pgp.lintLandscape('PGP Moved');
    expect(lint.findings.map((f) => f.code)).not.toContain('pgp-key-not-stored');
    expect(lint.findings.map((f) => f.code)).not.toContain('pgp-own-key-not-secret');

    // The private key arrived: gpg imports the receiver's secret keyring and signs with it.
    const out = join(mkdtempSync(join(tmpdir(), 'bundle-pgp-ring-')), 'secret.asc');
    const passphrase = `export-${Date.now()}-pass`;
    await receiver.pgp.exportSecret({ labels: ['Acme PGP'], outPath: out, passphrase });
    const gpg = makeGnuPg();
    homes.push(gpg);
    gpg.run(['--import', out], { passphrase });
    expect(gpg.fingerprints(true)).toEqual([ours.fingerprint.toUpperCase()]);
    const signed = gpg.status(['--local-user', ours.fingerprint, '--sign', '--output', '-'], { passphrase, input: 'moved' });
    expect(signed.status, signed.out).toBe(0);

    // Again: everything is here already.
    const again = await receiver.bundles.open(file);
    expect(again.credentials.find((c) => c.label === 'Acme PGP')?.status).toBe('same');
    const second = await receiver.bundles.apply(again.token, {}, 'keep-both');
    expect(second.pgpKeys?.map((k) => k.action)).toEqual(['reused', 'reused']);
    expect((await receiver.pgp.list()).length).toBe(2);
  });

  it('writes format 2 only when PGP keys travel (a bundle without them stays readable by format-1 apps)', async () => {
    const sender = createTestServices(makeHome('bundle-pgp-v1-'));
    await seedSender(sender, 'No PGP');
    const file = join(mkdtempSync(join(tmpdir(), 'bundle-pgp-v1-')), 'plain.age');
    const passphrase = `plain-${Date.now()}-bundle`;
    await sender.bundles.exportBundle(['No PGP'], file, { passphrase });
    const doc = await innerDocument(file, passphrase);
    expect(doc.formatVersion).toBe(1);
    expect(doc.pgpKeys).toBeUndefined();
  });
});
