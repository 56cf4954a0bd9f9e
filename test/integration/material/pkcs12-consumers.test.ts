/**
 * Our PKCS#12 and CSRs against their real consumers: keytool (Java 17, like the CI keystore) and
 * OpenSSL 3. Key → CSR → signed by the local test CA → paired → exported modern and legacy.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMaterialEnv, tool, toolStatus, type MaterialEnv } from './material-fixture';

const PASSWORD = `Kt-${Math.random().toString(36).slice(2, 10)}A9`;

describe.each(['rsa-2048', 'ec-p256'] as const)('PKCS#12 for the CI keystore (%s)', (type) => {
  let env: MaterialEnv;
  beforeAll(async () => {
    env = makeMaterialEnv();
    expect((await env.cli(['keys', 'new', '--type', type, '--label', 'client'])).code).toBe(0);
    expect((await env.cli(['cert', 'test-ca', 'new', '--label', 'lab-ca'])).code).toBe(0);
  });
  afterAll(() => env.cleanup());

  it('openssl req -verify accepts our CSR and shows clientAuth', async () => {
    const csr = join(env.work, 'client.csr');
    const r = await env.cli(['csr', '--key', 'client', '--cn', 'client.example.org', '--o', 'ACME', '--c', 'DE', '--san', 'client.example.org', '--out', csr]);
    expect(r.code, r.stderr).toBe(0);
    const text = tool('openssl', ['req', '-in', csr, '-verify', '-noout', '-text']);
    expect(text).toContain('TLS Web Client Authentication');
    expect(text).toMatch(/Subject: C ?= ?DE, O ?= ?ACME, CN ?= ?client\.example\.org/);
    expect(toolStatus('openssl', ['req', '-in', csr, '-verify', '-noout']).out).toMatch(/verify OK/);
  });

  it('pairs the signed answer with its waiting key, keeping its id (pathways stay linked)', async () => {
    const waiting = await env.services.vault.findByLabel('client');
    expect(waiting?.kind).toBe('key-pair');
    const signed = join(env.work, 'signed.pem');
    expect((await env.cli(['cert', 'test-ca', 'sign', '--ca', 'lab-ca', join(env.work, 'client.csr'), '--out', signed])).code).toBe(0);
    const r = await env.cli(['cert', 'import', signed, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.credential.kind).toBe('client-certificate');
    expect(result.credential.label).toBe('client');
    expect(result.credential.id).toBe(waiting!.id);
    expect(result.complete).toBe(true);
    expect(result.chain).toHaveLength(2);
    expect(result.findings.map((f: { code: string }) => f.code)).toContain('private-ca');
  });

  it.each([false, true])('keytool lists exactly one PrivateKeyEntry under the alias (legacy: %s)', async (legacy) => {
    const out = join(env.work, `client-${legacy ? 'legacy' : 'modern'}.p12`);
    const r = await env.cli(['p12', 'export', '--key', 'client', '--alias', 'acme-client', '--out', out, '--password-env', 'P12PW', '--json', ...(legacy ? ['--legacy'] : [])], { P12PW: PASSWORD });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).bytes).toBeLessThanOrEqual(30_720);
    const list = tool('keytool', ['-list', '-v', '-storetype', 'PKCS12', '-keystore', out, '-storepass', PASSWORD]);
    expect(list).toMatch(/Your keystore contains 1 entry/);
    expect(list.match(/Entry type: PrivateKeyEntry/g)).toHaveLength(1);
    expect(list).toMatch(/Alias name: acme-client/);
    expect(list).toMatch(/Certificate chain length: 2/);
  });

  it('openssl pkcs12 -info opens the modern file without -legacy; the legacy one needs -legacy', () => {
    const modern = toolStatus('openssl', ['pkcs12', '-info', '-in', join(env.work, 'client-modern.p12'), '-passin', `pass:${PASSWORD}`, '-noout']);
    expect(modern.status).toBe(0);
    expect(modern.out).toMatch(/AES-256-CBC/);
    expect(modern.out).toMatch(/MAC: sha256/);
    const legacyPlain = toolStatus('openssl', ['pkcs12', '-info', '-in', join(env.work, 'client-legacy.p12'), '-passin', `pass:${PASSWORD}`, '-nokeys']);
    expect(legacyPlain.status).not.toBe(0);
    const legacy = toolStatus('openssl', ['pkcs12', '-legacy', '-info', '-in', join(env.work, 'client-legacy.p12'), '-passin', `pass:${PASSWORD}`, '-noout']);
    expect(legacy.status).toBe(0);
    expect(legacy.out).toMatch(/RC2/);
  });

  it('refuses SAP-owned aliases and weak passwords, and writes nothing', async () => {
    for (const alias of ['sap_cloud', 'hcicertificate1', 'HCIMSGCERTIFICATE']) {
      const r = await env.cli(['p12', 'export', '--key', 'client', '--alias', alias, '--out', join(env.work, 'x.p12'), '--password-env', 'P'], { P: PASSWORD });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/alias/i);
    }
    const weak = await env.cli(['p12', 'export', '--key', 'client', '--alias', 'ok', '--out', join(env.work, 'x.p12'), '--password-env', 'P'], { P: 'short' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/keystore rule/);
    expect(toolStatus('test', ['-e', join(env.work, 'x.p12')]).status).toBe(1);
  });
});
