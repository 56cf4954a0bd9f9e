/**
 * Material made by openssl and keytool imports correctly: PKCS#12 modern and legacy (and which
 * encryption it uses), keytool's own keystore, PEM certificate + encrypted key; wrong passwords
 * save nothing. CA answers as DER and PKCS#7 pair with their waiting key and the chain is ordered
 * from what was supplied plus the landscape's CAs; a certificate without its key is refused.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMaterialEnv, tool, type MaterialEnv } from './material-fixture';

const PW = `Imp-${Math.random().toString(36).slice(2, 10)}7`;

function makeChain(dir: string): void {
  const ext = join(dir, 'ext.cnf');
  writeFileSync(ext, '[ca]\nbasicConstraints=critical,CA:true\nkeyUsage=critical,keyCertSign,cRLSign\n[leaf]\nbasicConstraints=CA:false\nextendedKeyUsage=clientAuth\n');
  const o = (...a: string[]) => tool('openssl', a);
  o('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'root.key'), '-subj', '/CN=Test Root', '-days', '30', '-out', join(dir, 'root.pem'), '-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  o('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'int.key'), '-subj', '/CN=Test Intermediate', '-out', join(dir, 'int.csr'));
  o('x509', '-req', '-in', join(dir, 'int.csr'), '-CA', join(dir, 'root.pem'), '-CAkey', join(dir, 'root.key'), '-CAcreateserial', '-days', '30', '-extfile', ext, '-extensions', 'ca', '-out', join(dir, 'int.pem'));
}

function signLeaf(dir: string, csr: string, out: string): void {
  tool('openssl', ['x509', '-req', '-in', csr, '-CA', join(dir, 'int.pem'), '-CAkey', join(dir, 'int.key'), '-CAcreateserial', '-days', '20', '-extfile', join(dir, 'ext.cnf'), '-extensions', 'leaf', '-out', out]);
}

describe('importing material made by openssl and keytool', () => {
  let env: MaterialEnv;
  beforeAll(() => {
    env = makeMaterialEnv();
    makeChain(env.work);
    const w = env.work;
    tool('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(w, 'os.key'), '-subj', '/CN=openssl-client', '-out', join(w, 'os.csr')]);
    signLeaf(w, join(w, 'os.csr'), join(w, 'os.pem'));
    writeFileSync(join(w, 'os-chain.pem'), readFileSync(join(w, 'os.pem'), 'utf8') + readFileSync(join(w, 'int.pem'), 'utf8') + readFileSync(join(w, 'root.pem'), 'utf8'));
  });
  afterAll(() => env.cleanup());

  it.each([
    ['modern', [], 'modern', /PBES2/],
    ['legacy', ['-legacy'], 'legacy', /RC2/],
  ])('openssl pkcs12 %s: imported, its encryption named; a wrong password saves nothing', async (name, flags, kind, alg) => {
    const file = join(env.work, `os-${name}.p12`);
    tool('openssl', ['pkcs12', '-export', ...flags, '-inkey', join(env.work, 'os.key'), '-in', join(env.work, 'os-chain.pem'), '-name', 'from-openssl', '-passout', `pass:${PW}`, '-out', file]);
    const before = (await env.services.vault.list()).length;
    const wrong = await env.cli(['p12', 'import', file, '--label', `wrong-${name}`, '--password-env', 'PW'], { PW: 'not-the-password' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Wrong password/);
    expect((await env.services.vault.list()).length).toBe(before);
    const r = await env.cli(['p12', 'import', file, '--label', `os-${name}`, '--password-env', 'PW', '--json'], { PW });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.encryption.kind).toBe(kind);
    expect(out.encryption.algorithms.join(' ')).toMatch(alg);
    expect(out.friendlyName).toBe('from-openssl');
    expect(out.chain.map((c: { facts: { subject: string } }) => c.facts.subject)).toEqual(['CN=openssl-client', 'CN=Test Intermediate', 'CN=Test Root']);
    expect(out.complete).toBe(true);
  });

  it('keytool -genkeypair keystore imports', async () => {
    const file = join(env.work, 'kt.p12');
    tool('keytool', ['-genkeypair', '-alias', 'kt', '-keyalg', 'EC', '-groupname', 'secp256r1', '-dname', 'CN=keytool-client', '-validity', '30', '-storetype', 'PKCS12', '-keystore', file, '-storepass', PW]);
    const r = await env.cli(['p12', 'import', file, '--label', 'from-keytool', '--password-env', 'PW', '--json'], { PW });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.credential.subject).toBe('CN=keytool-client');
    expect(out.credential.keyAlgorithm).toBe('ec-p256');
    expect(out.findings.map((f: { code: string }) => f.code)).toContain('self-signed');
  });

  it('PEM certificate + encrypted PKCS#8 key: wrong passphrase refused, right one imported', async () => {
    const enc = join(env.work, 'os-enc.key');
    tool('openssl', ['pkcs8', '-topk8', '-in', join(env.work, 'os.key'), '-v2', 'aes-256-cbc', '-passout', `pass:${PW}`, '-out', enc]);
    const bundle = join(env.work, 'bundle.pem');
    writeFileSync(bundle, readFileSync(join(env.work, 'os.pem'), 'utf8') + readFileSync(enc, 'utf8'));
    const wrong = await env.cli(['cert', 'import', bundle, '--label', 'pem-wrong', '--passphrase-env', 'PP'], { PP: 'nope' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/Wrong passphrase/);
    expect(await env.services.vault.findByLabel('pem-wrong')).toBeUndefined();
    const r = await env.cli(['cert', 'import', bundle, '--label', 'pem-ok', '--passphrase-env', 'PP', '--json'], { PP: PW });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).missingIssuer).toBe('CN=Test Intermediate');
  });

  it('a DER answer pairs with its waiting key; the chain comes from the landscape CAs', async () => {
    const l = env.services.landscapes.create({ templateId: env.services.landscapes.templates()[0]!.id, name: 'Chains' });
    const caCertificates = ['root', 'int'].map((n) => ({ label: n, pem: readFileSync(join(env.work, `${n}.pem`), 'utf8'), fingerprintSha256: 'x' }));
    env.services.landscapes.update(l.id, { caCertificates });
    expect((await env.cli(['keys', 'new', '--type', 'rsa-3072', '--label', 'waiting'])).code).toBe(0);
    const csr = join(env.work, 'waiting.csr');
    expect((await env.cli(['csr', '--key', 'waiting', '--cn', 'waiting.example', '--out', csr])).code).toBe(0);
    const pem = join(env.work, 'waiting.pem');
    signLeaf(env.work, csr, pem);
    const der = join(env.work, 'waiting.der');
    tool('openssl', ['x509', '-in', pem, '-outform', 'DER', '-out', der]);
    const r = await env.cli(['cert', 'import', der, '--landscape', 'Chains', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.credential.label).toBe('waiting');
    expect(out.credential.kind).toBe('client-certificate');
    expect(out.chain.map((c: { facts: { subject: string } }) => c.facts.subject)).toEqual(['CN=waiting.example', 'CN=Test Intermediate', 'CN=Test Root']);
    expect((await env.services.vault.list()).filter((c) => c.kind === 'key-pair')).toHaveLength(0);
  });

  it('a PKCS#7 bundle in any order pairs and is put in order leaf → intermediate → root', async () => {
    expect((await env.cli(['keys', 'new', '--type', 'ec-p256', '--label', 'p7'])).code).toBe(0);
    const csr = join(env.work, 'p7.csr');
    expect((await env.cli(['csr', '--key', 'p7', '--cn', 'p7.example', '--out', csr])).code).toBe(0);
    const pem = join(env.work, 'p7.pem');
    signLeaf(env.work, csr, pem);
    const p7 = join(env.work, 'answer.p7b');
    tool('openssl', ['crl2pkcs7', '-nocrl', '-certfile', join(env.work, 'root.pem'), '-certfile', pem, '-certfile', join(env.work, 'int.pem'), '-out', p7]);
    const r = await env.cli(['cert', 'import', p7, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.chain.map((c: { facts: { subject: string } }) => c.facts.subject)).toEqual(['CN=p7.example', 'CN=Test Intermediate', 'CN=Test Root']);
    expect(out.complete).toBe(true);
  });

  it('refuses a certificate whose key is not in the vault, saying why', async () => {
    const r = await env.cli(['cert', 'import', join(env.work, 'int.pem')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/does not belong to any key in the vault/);
  });

  it('exports a CA certificate as .cer (DER or PEM) and a paired leaf alone as PEM, readable by openssl', async () => {
    const der = join(env.work, 'root.cer');
    const r = await env.cli(['cert', 'export-ca', join(env.work, 'root.pem'), '--out', der, '--der', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).bytes).toBeLessThanOrEqual(10_240);
    expect(tool('openssl', ['x509', '-inform', 'DER', '-in', der, '-noout', '-subject'])).toMatch(/CN ?= ?Test Root/);
    const bundle = join(env.work, 'two.pem');
    writeFileSync(bundle, readFileSync(join(env.work, 'root.pem'), 'utf8') + readFileSync(join(env.work, 'int.pem'), 'utf8'));
    expect((await env.cli(['cert', 'export-ca', bundle, '--out', join(env.work, 'two.cer')])).code).toBe(1);
    const leaf = join(env.work, 'leaf.pem');
    expect((await env.cli(['cert', 'export-leaf', 'waiting', '--out', leaf])).code).toBe(0);
    const text = readFileSync(leaf, 'utf8');
    expect(text.match(/BEGIN CERTIFICATE/g)).toHaveLength(1);
    expect(text).not.toMatch(/PRIVATE KEY/);
    expect(tool('openssl', ['x509', '-in', leaf, '-noout', '-subject'])).toMatch(/CN ?= ?waiting\.example/);
  });
});
