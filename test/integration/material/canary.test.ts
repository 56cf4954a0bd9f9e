/**
 * A canary private key (and its p12 password) must be found nowhere in the data directory after a
 * full create → CSR → pair → export → remove session: not as PEM lines, not as DER, not in logs.
 */
import { createPrivateKey } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMaterialEnv, type MaterialEnv } from './material-fixture';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every form the key could leak in: PKCS#8/PKCS#1 PEM body lines, raw DER, base64 of the DER. */
function needles(privateKeyPem: string): Buffer[] {
  const key = createPrivateKey(privateKeyPem);
  const forms = [key.export({ type: 'pkcs8', format: 'pem' }) as string, key.export({ type: 'pkcs1', format: 'pem' }) as string];
  const lines = forms.flatMap((f) => f.split('\n').filter((l) => l.length === 64));
  const der = key.export({ type: 'pkcs8', format: 'der' });
  return [...lines.map((l) => Buffer.from(l)), der.subarray(40, 104), Buffer.from(der.toString('base64').slice(100, 164))];
}

describe('canary: no private key in the data directory', () => {
  let env: MaterialEnv;
  beforeAll(() => {
    env = makeMaterialEnv();
  });
  afterAll(() => env.cleanup());

  it('after create → CSR → pair → export → remove, the key and the password are nowhere in the data directory', async () => {
    const { cli, services, home, work } = env;
    expect((await cli(['keys', 'new', '--type', 'rsa-2048', '--label', 'canary'])).code).toBe(0);
    expect((await cli(['cert', 'test-ca', 'new', '--label', 'canary-ca'])).code).toBe(0);
    expect((await cli(['csr', '--key', 'canary', '--cn', 'canary.example', '--out', join(work, 'c.csr')])).code).toBe(0);
    expect((await cli(['cert', 'test-ca', 'sign', '--ca', 'canary-ca', join(work, 'c.csr'), '--out', join(work, 'c.pem')])).code).toBe(0);
    expect((await cli(['cert', 'import', join(work, 'c.pem')])).code).toBe(0);
    const meta = (await services.vault.findByLabel('canary'))!;
    const { privateKeyPem } = await services.vault.readSecret(meta.id);
    const password = `Canary-${Math.random().toString(36).slice(2, 12)}9`;
    const exported = await cli(['p12', 'export', '--key', 'canary', '--alias', 'canary', '--out', join(work, 'c.p12'), '--password-env', 'PW'], { PW: password });
    expect(exported.code, exported.stderr).toBe(0);
    // Exports into the data directory are refused outright.
    const inside = await cli(['p12', 'export', '--key', 'canary', '--alias', 'canary', '--out', join(home, 'c.p12'), '--password-env', 'PW'], { PW: password });
    expect(inside.code).toBe(1);
    expect((await cli(['ssh-key', 'new', '--type', 'ed25519', '--label', 'canary-ssh'])).code).toBe(0);
    const ssh = (await services.vault.findByLabel('canary-ssh'))!;
    const sshSecret = (await services.vault.readSecret(ssh.id)).privateKey as string;
    const sshLines = sshSecret.split('\n').filter((l) => l.length >= 40).map((l) => Buffer.from(l));

    const all = [...needles(privateKeyPem as string), ...sshLines, Buffer.from(password)];
    const scan = () => {
      const files = filesUnder(home);
      expect(files.length).toBeGreaterThan(0);
      for (const file of files) {
        const content = readFileSync(file);
        for (const n of all) expect(content.includes(n), `${file} holds key material`).toBe(false);
      }
    };
    // While the material is in the vault (keychain + sealed blobs) and after it is removed.
    scan();
    for (const c of await services.vault.list()) await services.vault.remove(c.id);
    scan();
    // The scan can fail: the same needles find a PEM line planted in other bytes.
    const planted = Buffer.from(`x${(privateKeyPem as string).split('\n')[3]}x`);
    expect(all.some((n) => planted.includes(n))).toBe(true);
  });
});
