/**
 * The handover pack carries the PGP keys the pathways use, read back by real GnuPG: the tenant's
 * public keyring (partners' keys, for CI's PGP Keys → Public Keys), our public key in each
 * partner's folder, and the tenant's secret keyring only when ticked — locked under a passphrase
 * that is in the vault, never in the pack; gpg unlocks its keys with that passphrase only.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGnuPg, type GnuPg } from '../../support/gnupg';
import { makePgpEnv, type PgpEnv } from '../pgp/pgp-env';

const SECRET = 'cloud-integration-pgp-keys/secret-keyring.asc';
const PUBLIC = 'cloud-integration-pgp-keys/public-keyring.asc';

describe('handover pack: PGP keyrings, checked with gpg', { timeout: 180_000 }, () => {
  let env: PgpEnv;
  const fpr: Record<string, string> = {};
  const homes: GnuPg[] = [];
  const freshGpg = () => {
    const g = makeGnuPg();
    homes.push(g);
    return g;
  };
  async function partnerKey(label: string, name: string, email: string) {
    const { publicKey } = await openpgp.generateKey({ type: 'rsa', rsaBits: 2048, userIDs: [{ name, email }], format: 'armored' });
    fpr[label] = (await env.services.pgp.importKeys({ data: publicKey, label })).imported[0]!.fingerprint;
  }

  beforeAll(async () => {
    env = makePgpEnv();
    env.services.landscapes.create({ templateId: 's4-sscv2', name: 'Acme' });
    fpr.Ours = (await env.services.pgp.create({ label: 'Ours', userId: 'Acme Integration <integration@acme.example>' })).fingerprint;
    fpr.Unused = (await env.services.pgp.create({ label: 'Unused', userId: 'Unused <unused@acme.example>' })).fingerprint;
    await partnerKey('SSC', 'SSC Orders', 'orders@ssc.example');
    await partnerKey('S4', 'S4 Sender', 'sender@s4.example');
    await env.services.pgp.attach({ landscape: 'Acme', pathway: 2, own: 'Ours', partner: 'SSC' });
    await env.services.pgp.attach({ landscape: 'Acme', pathway: 1, own: 'Ours', partner: 'S4' });
  });
  afterAll(() => {
    for (const g of homes) g.close();
    env?.cleanup();
  });

  it('puts the tenant public keyring and our public key for each partner in the pack; the secret keyring only as withheld', async () => {
    const dir = join(env.work, 'pack');
    const r = await env.cli(['handover', 'Acme', '--pack', dir, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.withheld.map((f: { path: string }) => f.path)).toContain(SECRET);
    expect(out.pgpPassphraseLabel).toBeUndefined();
    const files = walk(dir);
    expect(files).toContain(PUBLIC);
    expect(files).not.toContain(SECRET);
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8'), f).not.toContain('PRIVATE KEY');

    const tenant = freshGpg();
    tenant.run(['--import', join(dir, PUBLIC)]);
    expect(tenant.fingerprints().sort()).toEqual([fpr.SSC!, fpr.S4!].map((f) => f.toUpperCase()).sort());
    expect(tenant.fingerprints(true)).toEqual([]);

    const keyId = fpr.Ours!.slice(-16).toUpperCase();
    for (const peer of ['sap-sales-and-service-cloud-v2', 'sap-s-4hana']) {
      const file = `${peer}/pgp-public-key-${keyId}.asc`;
      expect(files, file).toContain(file);
      const partner = freshGpg();
      partner.run(['--import', join(dir, file)]);
      expect(partner.fingerprints()).toEqual([fpr.Ours!.toUpperCase()]);
      expect(partner.fingerprints(true)).toEqual([]);
    }
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain(`\`${PUBLIC}\` → Cloud Integration → Monitor → Manage Security → PGP Keys → Add → Public Keys`);
    expect(readme).toMatch(new RegExp(`- \`${SECRET}\` → .*Secret Keys`));
  });

  it('writes the ticked secret keyring: gpg imports our key with the vault passphrase, which is nowhere in the pack', async () => {
    const dir = join(env.work, 'pack-ticked');
    const r = await env.cli(['handover', 'Acme', '--pack', dir, '--include', SECRET, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.pgpPassphraseLabel).toBe('Handover pack Acme (PGP secret keyring passphrase)');
    const passphrase = (await env.services.vault.readSecret((await env.services.vault.findByLabel(out.pgpPassphraseLabel))!.id)).passphrase!;
    const file = join(dir, SECRET);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN PGP PRIVATE KEY BLOCK-----/);
    for (const f of walk(dir)) expect(readFileSync(join(dir, f), 'utf8'), f).not.toContain(passphrase);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain(`in the consultant's vault as "${out.pgpPassphraseLabel}"`);

    const tenant = freshGpg();
    tenant.run(['--import', file], { passphrase });
    // Only the key a pathway uses: the unused own key stays out of the tenant's secret keyring.
    expect(tenant.fingerprints(true)).toEqual([fpr.Ours!.toUpperCase()]);
    const wrong = tenant.status(['--local-user', fpr.Ours!, '--sign', '--output', '-'], { passphrase: 'not-the-passphrase', input: 'x' });
    expect(wrong.status).not.toBe(0);
    const right = tenant.status(['--local-user', fpr.Ours!, '--sign', '--output', '-'], { passphrase, input: 'x' });
    expect(right.status, right.out).toBe(0);
  });
});

function walk(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name), base) : [relative(base, join(dir, e.name))])).sort();
}
