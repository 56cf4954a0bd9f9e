/**
 * PGP in the landscape: keys attached to an outbound and an inbound pathway, the handover saying
 * which keyring goes where and which user ID to type into which PGP step, the landscape lint
 * catching a typed user ID that picks two keys, none, or the wrong one, and a partner key that
 * cannot encrypt; the landscape file carries the fingerprints through export and import.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePgpEnv, type PgpEnv } from './pgp-env';

type Finding = { code: string; severity: string; pathway?: number; message: string };

describe('PGP pathways in the landscape and the handover', { timeout: 120_000 }, () => {
  let env: PgpEnv;
  const fpr: Record<string, string> = {};
  async function lint(): Promise<{ code: number; findings: Finding[] }> {
    const r = await env.cli(['pgp', 'lint', '--landscape', 'Acme', '--json']);
    expect(r.stderr).toBe('');
    return { code: r.code, findings: JSON.parse(r.stdout).findings };
  }
  async function partnerKey(label: string, userId: string, opts: { subkeys?: [] } = {}) {
    const [name, email] = /^(.*) <(.*)>$/.exec(userId)!.slice(1);
    const { publicKey } = await openpgp.generateKey({ type: 'rsa', rsaBits: 2048, userIDs: [{ name, email }], ...opts, format: 'armored' });
    const r = await env.services.pgp.importKeys({ data: publicKey, label });
    fpr[label] = r.imported[0]!.fingerprint;
  }

  beforeAll(async () => {
    env = makePgpEnv();
    env.services.landscapes.create({ templateId: 's4-sscv2', name: 'Acme' });
    fpr.Ours = (await env.services.pgp.create({ label: 'Ours', userId: 'Acme Integration <integration@acme.example>' })).fingerprint;
    await partnerKey('SSC', 'SSC Orders <orders@ssc.example>');
    await partnerKey('SSC EU', 'SSC EU Orders <eu-orders@ssc.example>');
    await partnerKey('S4', 'S4 Sender <sender@s4.example>');
  });
  afterAll(() => env?.cleanup());

  it('attaching keys stores fingerprints and the full user IDs as the values to type', async () => {
    const out = await env.cli(['pgp', 'attach', '--landscape', 'Acme', '--pathway', '2', '--own', 'Ours', '--partner', 'SSC', '--json']);
    expect(out.code, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout).pgp).toEqual({ encrypt: true, sign: true, ownKey: fpr.Ours, partnerKey: fpr.SSC, ownUserId: 'Acme Integration <integration@acme.example>', partnerUserId: 'SSC Orders <orders@ssc.example>' });
    const inbound = await env.cli(['pgp', 'attach', '--landscape', 'Acme', '--pathway', '1', '--own', 'Ours', '--partner', 'S4']);
    expect(inbound.code, inbound.stderr).toBe(0);
    const refused = await env.cli(['pgp', 'attach', '--landscape', 'Acme', '--pathway', '3', '--own', 'SSC']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/partner's public key/);
  });

  it('the handover says which keyring goes where and which user ID to type', async () => {
    const r = await env.cli(['handover', 'Acme']);
    expect(r.code, r.stderr).toBe(0);
    const md = r.stdout;
    const ci = md.slice(md.indexOf('## Cloud Integration'), md.indexOf('\n## ', md.indexOf('## Cloud Integration') + 5));
    const keyId = (f: string) => f.slice(-16).toUpperCase();
    expect(ci).toMatch(new RegExp(`PGP public keyring: SAP Sales and Service Cloud V2's key ${keyId(fpr.SSC!)}`));
    expect(ci).toMatch(new RegExp(`PGP public keyring: [^\\n]*S/4HANA's key ${keyId(fpr.S4!)}`));
    expect(ci).toMatch(/Encryption Key User ID: "SSC Orders <orders@ssc\.example>"/);
    expect(ci).toMatch(/Signer User ID\(s\): "Acme Integration <integration@acme\.example>"/);
    expect(ci).toMatch(new RegExp(`PGP secret keyring: our key ${keyId(fpr.Ours!)}`));
    expect(ci).toMatch(/Signer User ID\(s\) of Sender: "S4 Sender <sender@s4\.example>"/);
    expect(ci).toMatch(/PGP Decryptor finds the key by key ID/);
    // The partners' side: our public key (never the secret keyring) and their public key.
    expect(md).toMatch(/Our PGP public key [0-9A-F]{16}\*\* \(pathway 2[^\n]*never the secret keyring[^\n]*verifies our signatures/);
    expect(md).toMatch(/Our PGP public key [0-9A-F]{16}\*\* \(pathway 1[^\n]*encrypts its messages for it/);
    const json = await env.cli(['handover', 'Acme', '--json']);
    const steps = JSON.parse(json.stdout).sections.flatMap((s: { items: { stepId: string; pathway: number }[] }) => s.items.map((i) => `${i.pathway}:${i.stepId}`));
    expect(steps).toEqual(expect.arrayContaining(['2:ci-pgp-public-keyring', '2:ci-pgp-secret-keyring', '1:ci-pgp-secret-keyring', '1:ci-pgp-public-keyring', '2:peer-pgp-our-public-key', '2:peer-pgp-their-public-key']));
    expect(steps.filter((s: string) => s.startsWith('3:') && s.includes('pgp'))).toEqual([]);
  });

  it('a clean PGP landscape lints without errors', async () => {
    const r = await lint();
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });

  it("the expiry radar lists the pathways' PGP keys with their days left", async () => {
    const items = await env.services.evidence.expiry('Acme');
    const ours = items.find((i) => i.id === `pgp:${fpr.Ours}`)!;
    expect(ours).toMatchObject({ source: 'pgp-key', side: 'ci-pgp-keyring', pathways: [1, 2], level: 'ok' });
    expect(ours.daysLeft).toBeGreaterThanOrEqual(729);
    expect(items.find((i) => i.id === `pgp:${fpr.SSC}`)?.pathways).toEqual([2]);
    expect(items.some((i) => i.id === `pgp:${fpr['SSC EU']}`)).toBe(false);
  });

  it('typed user IDs: ambiguous, matching nothing, picking the wrong key', async () => {
    await env.cli(['pgp', 'attach', '--landscape', 'Acme', '--pathway', '4', '--own', 'Ours', '--partner', 'SSC EU', '--no-sign']);
    await env.cli(['pgp', 'attach', '--landscape', 'Acme', '--pathway', '2', '--partner-user-id', 'orders@ssc.example']);
    let r = await lint();
    expect(r.code).toBe(1);
    const amb = r.findings.find((f) => f.code === 'pgp-userid-ambiguous' && f.pathway === 2)!;
    expect(amb.severity).toBe('error');
    expect(amb.message).toMatch(/matches 2 keys/);
    await env.cli(['pgp', 'attach', '--landscape', 'Acme', '--pathway', '2', '--partner-user-id', 'ssc orders']);
    r = await lint();
    expect(r.findings.find((f) => f.code === 'pgp-userid-no-match')?.pathway).toBe(2);
    await env.cli(['pgp', 'attach', '--landscape', 'Acme', '--pathway', '2', '--partner-user-id', 'SSC EU']);
    r = await lint();
    expect(r.findings.find((f) => f.code === 'pgp-userid-wrong-key')?.pathway).toBe(2);
    await env.cli(['pgp', 'attach', '--landscape', 'Acme', '--pathway', '2', '--partner-user-id', 'SSC Orders <orders@ssc.example>']);
    r = await lint();
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
    // Without a pathway asking, the natural value "orders@ssc.example" is still flagged for the keyring.
    expect(r.findings.find((f) => f.code === 'pgp-userid-ambiguous')?.severity).toBe('warning');
  });

  it('a partner key without an encryption subkey on an encrypting pathway is an error', async () => {
    await partnerKey('Signer Only', 'Signer Only <sign@ssc.example>', { subkeys: [] });
    await env.cli(['pgp', 'attach', '--landscape', 'Acme', '--pathway', '4', '--partner', 'Signer Only', '--partner-user-id', 'Signer Only']);
    const r = await lint();
    expect(r.code).toBe(1);
    expect(r.findings.find((f) => f.code === 'pgp-cannot-encrypt')?.pathway).toBe(4);
    await env.cli(['pgp', 'detach', '--landscape', 'Acme', '--pathway', '4']);
    expect((await lint()).code).toBe(0);
  });

  it('the landscape file carries the PGP settings through export and import', async () => {
    const file = join(env.work, 'acme.landscape.json');
    expect((await env.cli(['landscapes', 'export', 'Acme', file])).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(fpr.Ours);
    expect(text).not.toMatch(/PRIVATE KEY|passphrase/i);
    const imp = await env.cli(['landscapes', 'import', file, '--name', 'Acme copy']);
    expect(imp.code, imp.stderr).toBe(0);
    const copy = env.services.landscapes.get('Acme copy');
    expect(copy.pathways.find((p) => p.number === 2)!.pgp).toEqual(env.services.landscapes.get('Acme').pathways.find((p) => p.number === 2)!.pgp);
  });
});
