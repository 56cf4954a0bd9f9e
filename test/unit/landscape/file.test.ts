import { mkdtempSync, readFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/services/logger';
import type { CredentialLinks } from '../../../main/services/landscapes/credential-links';
import { createLandscapesService } from '../../../main/services/landscapes/landscapes-service';
import { createFileBackend } from '../../../main/services/store/file-backend';
import { AppError } from '../../../shared/result';
import { makeHome } from '../../support/test-services';

const open = (home = makeHome()) => createLandscapesService({ dataDir: home, backend: createFileBackend, log: silentLogger, now: () => new Date() });

/** Two "machines": ids differ, labels and fingerprints are what the file carries. */
function linksFor(entries: { id: string; label: string; fingerprint?: string }[]): CredentialLinks {
  return {
    refOf: async (id) => {
      const e = entries.find((x) => x.id === id);
      return e ? (e.fingerprint ? { label: e.label, fingerprint: e.fingerprint } : { label: e.label }) : undefined;
    },
    findId: async (r) => (entries.find((x) => r.fingerprint && x.fingerprint === r.fingerprint) ?? entries.find((x) => x.label === r.label))?.id,
  };
}

async function importError(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the import to be refused');
}

describe('landscape files', () => {
  it('export → import → export is byte-identical, and relinks credentials by fingerprint', async () => {
    const home = makeHome();
    const a = open(home);
    const l = a.create({ templateId: 's4-sscv2', name: 'ACME', customer: 'ACME AG' });
    a.updatePathway(l.id, '2', { keystoreAlias: 'acme_sscv2', credentialId: 'vault-a-1', endpoint: 'https://acme.crm.cloud.sap/sap/bc/srt' });
    a.updatePathway(l.id, '4', { proxy: { type: 'manual', host: 'proxy.acme.example', port: 3128, credentialId: 'vault-a-2' } });
    a.update(l.id, { caCertificates: [{ label: 'ACME Root', pem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n', fingerprintSha256: 'AA:BB' }] });
    const mine = linksFor([
      { id: 'vault-a-1', label: 'SSCv2 client', fingerprint: 'sha256:1234' },
      { id: 'vault-a-2', label: 'ACME proxy' },
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'landscape-file-'));
    const first = await a.files.exportFile(l.id, join(dir, 'acme.landscape.json'), mine);
    expect(first.unlinked).toEqual([]);
    const text = readFileSync(join(dir, 'acme.landscape.json'), 'utf8');
    expect(text).toBe(first.text);
    expect(text).toContain('"label": "SSCv2 client"');
    expect(text).not.toContain('vault-a-1');
    expect(text).not.toContain('vault-a-2');
    expect(text).toContain('"label": "ACME proxy"');
    for (const forbidden of [home, homedir(), dir, '"id": "' + l.id, 'createdAt', 'updatedAt']) expect(text).not.toContain(forbidden);

    // A colleague's machine: another data dir, the same credential under another id.
    const b = open();
    const theirs = linksFor([
      { id: 'vault-b-9', label: 'renamed locally', fingerprint: 'sha256:1234' },
      { id: 'vault-b-7', label: 'ACME proxy' },
    ]);
    const imported = await b.files.importFile(join(dir, 'acme.landscape.json'), {}, theirs);
    expect(imported.unresolved).toEqual([]);
    expect(b.get('ACME').pathways[1]!.credentialId).toBe('vault-b-9');
    expect(b.get('ACME').pathways[3]!.proxy).toEqual({ type: 'manual', host: 'proxy.acme.example', port: 3128, credentialId: 'vault-b-7' });
    const again = await b.files.exportText(
      'ACME',
      linksFor([
        { id: 'vault-b-9', label: 'SSCv2 client', fingerprint: 'sha256:1234' },
        { id: 'vault-b-7', label: 'ACME proxy' },
      ]),
    );
    expect(again.text).toBe(text);
  });

  it('key order is the schema order, whatever the input order', async () => {
    const svc = open();
    const l = svc.create({ templateId: 'mail-receiver', name: 'Mail' });
    const { text } = await svc.files.exportText(l.id);
    const shuffled = JSON.stringify(reverseKeys(JSON.parse(text)));
    const other = open();
    await other.files.importText(shuffled);
    expect((await other.files.exportText('Mail')).text).toBe(text);
    expect(Object.keys(JSON.parse(text).landscape).slice(0, 3)).toEqual(['name', 'customer', 'stage']);
  });

  it('reports every problem with its JSON path', async () => {
    const svc = open();
    const l = svc.create({ templateId: 's4-sscv2', name: 'P' });
    const file = JSON.parse((await svc.files.exportText(l.id)).text);
    file.landscape.stage = 'staging';
    file.landscape.pathways[0].auth = 'kerberos';
    file.landscape.pathways[2].protocol = 'kafka';
    file.landscape.systems[1].password = 'should-not-be-here';
    const problems = svc.files.checkText(JSON.stringify(file));
    expect(problems.map((p) => p.path).sort()).toEqual(
      ['$.landscape.pathways[0].auth', '$.landscape.pathways[2].protocol', '$.landscape.stage', '$.landscape.systems[1]'].sort(),
    );
    const e = await importError(svc.files.importText(JSON.stringify(file), { name: 'P2' }));
    expect(e.code).toBe('INVALID_FILE');
    expect(e.message).toContain('$.landscape.pathways[2].protocol');
    expect(svc.list().map((x) => x.name)).toEqual(['P']);
  });

  it('reports rule violations (a method the protocol cannot carry) with their path', async () => {
    const svc = open();
    const l = svc.create({ templateId: 'sftp-receiver', name: 'S' });
    const file = JSON.parse((await svc.files.exportText(l.id)).text);
    file.landscape.pathways[0].auth = 'client-certificate';
    expect(svc.files.checkText(JSON.stringify(file))).toEqual([expect.objectContaining({ path: '$.landscape.pathways[0].auth' })]);
    expect(svc.files.checkText('{ nope')[0]!.path).toBe('$');
  });

  it('refuses a taken name and relative paths, naming the field', async () => {
    const svc = open();
    const l = svc.create({ templateId: 'blank', name: 'Same' });
    const { text } = await svc.files.exportText(l.id);
    expect((await importError(svc.files.importText(text))).field).toBe('name');
    await svc.files.importText(text, { name: 'Other' });
    expect((await importError(svc.files.exportFile(l.id, 'relative.landscape.json'))).field).toBe('path');
  });
});

function reverseKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reverseKeys);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)]));
  return v;
}
