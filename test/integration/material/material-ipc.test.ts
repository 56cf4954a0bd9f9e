/**
 * The material channels through the real dispatcher: responses never carry a private key, file
 * paths must come from the dialog, and the landscape lint finds duplicate service-key DNs, long
 * validity and refused aliases.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import { createEventHub } from '../../../main/ipc/event-hub';
import { createHandlers } from '../../../main/ipc/handlers';
import { makeMaterialEnv, tool, type MaterialEnv } from './material-fixture';

describe('material over IPC', () => {
  let env: MaterialEnv;
  // The responses are checked field by field below; their static types do not matter here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let call: (channel: string, request?: unknown) => Promise<{ ok: boolean; value?: any; error?: { code: string; message: string } }>;
  const responses: string[] = [];
  beforeAll(() => {
    env = makeMaterialEnv();
    const dispatch = createDispatcher(createHandlers(env.services), env.services.log);
    const hub = createEventHub();
    call = async (channel, request) => {
      const r = (await dispatch(channel, request, hub.context())) as never;
      responses.push(JSON.stringify(r));
      return r;
    };
  });
  afterAll(() => env.cleanup());

  it('key → CSR → test CA → pair: no response holds a private key', async () => {
    const key = await call('material:create-key', { type: 'ec-p256', label: 'ipc-key' });
    expect(key.ok).toBe(true);
    const ca = await call('material:create-test-ca', { label: 'ipc-ca' });
    expect(ca.ok).toBe(true);
    const csr = await call('material:create-csr', { key: 'ipc-key', subject: { cn: 'ipc.example', c: 'DE' }, sans: ['ipc.example'] });
    expect(csr.value.csrPem).toMatch(/BEGIN CERTIFICATE REQUEST/);
    const signed = await call('material:sign-with-test-ca', { ca: 'ipc-ca', csrPem: csr.value.csrPem });
    const paired = await call('material:pair-certificate', { text: signed.value.certificatePem + signed.value.caCertificatePem });
    expect(paired.ok).toBe(true);
    expect(paired.value.findings.map((f: { code: string }) => f.code)).toContain('private-ca');
    const list = await call('material:list');
    expect(list.value.certificates.map((c: { credential: { label: string } }) => c.credential.label).sort()).toEqual(['ipc-ca', 'ipc-key']);
    for (const r of responses) expect(r).not.toMatch(/PRIVATE KEY|privateKeyPem/);
  });

  it('refuses a country that is not two letters, naming the field', async () => {
    const r = await call('material:create-csr', { key: 'ipc-key', subject: { cn: 'x', c: 'Germany' } });
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('INVALID_INPUT');
  });

  it('exports only to a path chosen in the dialog', async () => {
    const r = await call('material:export-pkcs12', { key: 'ipc-key', alias: 'ipc', path: join(env.work, 'made-up.p12') });
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('PATH_NOT_CHOSEN');
  });

  it('landscape lint: same subject + issuer on two service keys, validity over 365 days, refused alias', async () => {
    const w = env.work;
    tool('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(w, 'a.key'), '-subj', '/CN=svc', '-days', '400', '-out', join(w, 'a.pem')]);
    tool('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(w, 'b.key'), '-subj', '/CN=svc', '-days', '30', '-out', join(w, 'b.pem')]);
    const { vault, landscapes } = env.services;
    const ids: string[] = [];
    for (const n of ['a', 'b']) {
      const pem = readFileSync(join(w, `${n}.pem`), 'utf8');
      ids.push((await vault.create({ kind: 'service-key', label: `svc ${n}`, meta: { certificateChainPem: [pem] }, secret: { clientid: `id-${n}` } })).id);
    }
    const l = landscapes.create({ templateId: landscapes.templates()[0]!.id, name: 'Lint me' });
    landscapes.update(l.id, {
      ciKeystore: [
        { alias: 'sap_mine', kind: 'key-pair', credentialId: ids[0] },
        { alias: 'fine', kind: 'key-pair', credentialId: ids[1] },
      ],
    });
    const r = await env.cli(['cert', 'lint', '--landscape', 'Lint me', '--json']);
    expect(r.code).toBe(1);
    const codes = JSON.parse(r.stdout).findings.map((f: { code: string }) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['duplicate-subject-issuer', 'service-key-validity', 'alias-refused', 'self-signed']));
    const viaIpc = await call('material:lint-landscape', { landscape: 'Lint me' });
    expect(viaIpc.value.findings.length).toBe(JSON.parse(r.stdout).findings.length);
  });
});
