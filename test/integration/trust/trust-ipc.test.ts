/**
 * The tenant and trust channels through the real dispatcher and handlers: CA files (PEM bundle,
 * DER) only from a path the dialog returned, duplicates skipped, aliases checked as CI checks
 * them, key pairs only from client certificates or SSH keys, and each change in the landscape.
 */
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../main/ipc/dispatcher';
import { createEventHub } from '../../../main/ipc/event-hub';
import { createHandlers } from '../../../main/ipc/handlers';
import type { Services } from '../../../main/composition';
import { createTestPki, type TestPki } from '../../peers/pki';
import { createTestServices, makeHome } from '../../support/test-services';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Reply = { ok: boolean; value?: any; error?: { code: string; message: string; field?: string } };

describe('tenant and trust over IPC', () => {
  let pki: TestPki;
  let services: Services;
  let call: (channel: string, request?: unknown) => Promise<Reply>;
  let landscapeId = '';
  const chosen: string[] = [];
  beforeAll(async () => {
    pki = await createTestPki();
    services = createTestServices(makeHome('landscape-trust-'), {
      dialogs: { chooseOpenPath: async () => chosen.shift() ?? null, chooseSavePath: async () => null },
    });
    await services.load();
    const dispatch = createDispatcher(createHandlers(services), services.log);
    const hub = createEventHub();
    call = async (channel, request) => (await dispatch(channel, request, hub.context())) as Reply;
    landscapeId = services.landscapes.create({ templateId: 's4-sscv2', name: 'Trust' }).id;
  });
  const choose = async (path: string) => {
    chosen.push(path);
    return (await call('app:choose-open-path', { title: 'CA' })).value.path as string;
  };

  it('adds a PEM bundle (root + intermediate) from a chosen file; the same file again adds nothing', async () => {
    const refused = await call('trust:add-ca', { landscapeId, path: pki.write('bundle.pem', pki.root.certPem + pki.intermediate.certPem) });
    expect(refused.error?.code).toBe('PATH_NOT_CHOSEN');
    const path = await choose(pki.write('bundle.pem', pki.root.certPem + pki.intermediate.certPem));
    const r = await call('trust:add-ca', { landscapeId, path });
    expect(r.ok).toBe(true);
    expect(r.value.message).toBe('Added to the landscape’s CAs: Landscape Test Root CA, Landscape Test Issuing CA.');
    expect(r.value.view.cas.map((c: { label: string; isCa: boolean }) => [c.label, c.isCa])).toEqual([['Landscape Test Root CA', true], ['Landscape Test Issuing CA', true]]);
    const again = await call('trust:add-ca', { landscapeId, path: await choose(path) });
    expect(again.value.message).toMatch(/^Already in the landscape’s CAs/);
    expect(services.landscapes.get(landscapeId).caCertificates).toHaveLength(2);
  });

  it('reads DER, refuses a file that is no certificate (nothing stored), removes by fingerprint', async () => {
    const der = new X509Certificate(pki.otherRoot.certPem).raw;
    const derPath = join(pki.dir, 'other.cer');
    writeFileSync(derPath, der);
    const r = await call('trust:add-ca', { landscapeId, path: await choose(derPath) });
    expect(r.value.view.cas.map((c: { label: string }) => c.label)).toContain('Other Test Root CA');
    const junk = await call('trust:add-ca', { landscapeId, path: await choose(pki.write('junk.pem', 'not a certificate')) });
    expect([junk.error?.code, junk.error?.message]).toEqual(['CERT_UNREADABLE', 'No certificate found (PEM, DER or PKCS#7 expected).']);
    expect(services.landscapes.get(landscapeId).caCertificates).toHaveLength(3);
    const fp = new X509Certificate(pki.otherRoot.certPem).fingerprint256;
    const removed = await call('trust:remove-ca', { landscapeId, fingerprintSha256: fp });
    expect(removed.value.message).toBe('Removed "Other Test Root CA" from the landscape’s CAs.');
    expect(services.landscapes.get(landscapeId).caCertificates.map((c) => c.fingerprintSha256)).not.toContain(fp);
  });

  it('keystore: a certificate under a suggested alias, SAP aliases and clashes refused, key pairs only from client certificates', async () => {
    const cert = await call('trust:add-keystore-certificate', { landscapeId, pem: pki.root.certPem });
    expect(cert.value.message).toBe('Added "Landscape Test Root CA" to the modelled CI keystore as "landscape_test_root_ca".');
    const clash = await call('trust:add-keystore-certificate', { landscapeId, pem: pki.intermediate.certPem, alias: 'Landscape_Test_Root_CA' });
    expect([clash.error?.code, clash.error?.field]).toEqual(['ALIAS_TAKEN', 'alias']);
    const sap = await call('trust:add-keystore-certificate', { landscapeId, pem: pki.intermediate.certPem, alias: 'sap_mine' });
    expect([sap.error?.code, sap.error?.field]).toEqual(['INVALID_INPUT', 'alias']);
    expect(sap.error?.message).toMatch(/SAP-owned/);
    const basic = await services.vault.create({ kind: 'basic', label: 'a user', meta: { user: 'u' }, secret: { password: 'p'.repeat(16) } });
    const wrongKind = await call('trust:set-keystore-key-pair', { landscapeId, alias: 'sscv2_client', credentialId: basic.id });
    expect([wrongKind.error?.field, wrongKind.error?.message]).toEqual(['credentialId', '"a user" cannot be a keystore key pair: choose a client certificate or an SSH key.']);
    const client = await services.vault.create({
      kind: 'client-certificate',
      label: 'SSCv2 client',
      meta: { certificateChainPem: [pki.client.certPem, pki.intermediate.certPem], subject: 'CN=sscv2-client.example' },
      secret: { privateKeyPem: pki.client.keyPem },
    });
    const linked = await call('trust:set-keystore-key-pair', { landscapeId, alias: 'sscv2_client', credentialId: client.id });
    expect(linked.value.message).toBe('Added "SSCv2 client" as key pair "sscv2_client" in the modelled CI keystore.');
    const entry = linked.value.view.keystore.find((e: { alias: string }) => e.alias === 'sscv2_client');
    expect([entry.credentialLabel, entry.certificate.subject, entry.pathways, entry.problem]).toEqual(['SSCv2 client', 'CN=sscv2-client.example, O=Landscape Test', [], undefined]);
    const p2 = services.landscapes.get(landscapeId).pathways.find((p) => p.number === 2)!;
    services.landscapes.updatePathway(landscapeId, p2.id, { keystoreAlias: 'sscv2_client' });
    expect((await call('trust:view', { landscapeId })).value.keystore.find((e: { alias: string }) => e.alias === 'sscv2_client').pathways).toEqual([2]);
    const gone = await call('trust:remove-keystore-entry', { landscapeId, alias: 'landscape_test_root_ca' });
    expect(gone.value.view.keystore.map((e: { alias: string }) => e.alias)).toEqual(['sscv2_client']);
  });

  it('tenant: a pasted service-key url is stored as its host; a bad token URL is refused under its field', async () => {
    const r = await call('tenant:update', { landscapeId, runtimeHost: 'https://Acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com/' });
    expect(r.value.landscape.tenant.runtimeHost).toBe('acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com');
    const bad = await call('tenant:update', { landscapeId, tokenUrl: 'ftp://x/oauth/token' });
    expect([bad.error?.code, bad.error?.field]).toEqual(['INVALID_INPUT', 'tokenUrl']);
    expect(services.landscapes.get(landscapeId).tenant.tokenUrl).toBe('');
  });
});
