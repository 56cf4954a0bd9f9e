/**
 * The import through the real services (document store on disk): seed 002's package becomes its
 * four-pathway landscape, re-imports show their differences, and hostile archives are refused
 * with nothing saved.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../../shared/landscape/templates';
import { buildHandover } from '../../../shared/landscape/handover';
import { deriveDirection } from '../../../shared/landscape/protocols';
import type { Services } from '../../../main/composition';
import { buildIflw, hugeEntryZip, iflowZip, lieAboutSizes, packageZip, rawZip, seed002Iflows, seed002Package, strToU8, zipBomb } from '../../support/iflow-builder';
import { createTestServices, makeHome } from '../../support/test-services';

function file(home: string, name: string, bytes: Uint8Array | string): string {
  const path = join(home, name);
  writeFileSync(path, bytes);
  return path;
}

function setup(): { s: Services; home: string } {
  const home = makeHome('landscape-iflow-');
  return { s: createTestServices(home), home };
}

describe('iFlow import: seed 002', () => {
  it('a package export with S/4HANA and SSCv2 adapters becomes the four pathways of s4-sscv2, with names and aliases', async () => {
    const { s, home } = setup();
    const r = await s.iflows.import({ files: [file(home, 'package.zip', seed002Package())], newName: 'Acme' });
    expect(r.iflows.map((f) => f.name)).toHaveLength(3);
    const l = s.landscapes.get('Acme');
    expect(l.systems.map((x) => [x.name, x.kind, x.host ?? ''])).toEqual([
      ['SAP_S4HANA', 's4hana-on-premise', 's4-virtual'],
      ['SAP_SSCV2', 'sscv2', 'my1000.de1.crm.cloud.sap'],
    ]);
    const template = findTemplate('s4-sscv2')!;
    const kindOf = (id: string) => l.systems.find((x) => x.id === id)?.kind ?? id;
    const tKind = (key: string) => template.systems.find((x) => x.key === key)?.kind ?? key;
    expect(l.pathways.map((p) => [p.number, kindOf(p.from), kindOf(p.to), p.protocol, p.auth, p.proxy.type])).toEqual(
      template.pathways.map((p, i) => [i + 1, tKind(p.from), tKind(p.to), p.protocol, p.auth, p.proxy?.type ?? 'internet']),
    );
    const [p1, p2, p3, p4] = l.pathways;
    expect(deriveDirection(p1!)).toBe('inbound');
    expect(p1!.endpoint).toBe('/cxf/S4/BusinessPartner');
    expect(p2).toMatchObject({ keystoreAlias: 'acme_sscv2_client', endpoint: 'https://my1000.de1.crm.cloud.sap/sap/c4c/api/v1/business-partner' });
    expect(p3!.endpoint).toBe('/http/sscv2/account');
    expect(p3!.sources!.map((x) => x.adapter)).toEqual(['FromSSCv2', 'FromSSCv2']);
    expect(p4).toMatchObject({ credentialName: 'ACME_S4_BASIC', proxy: { type: 'on-premise', locationId: 'acme-scc', virtualHost: 's4-virtual' } });
    expect(p4!.sources!.map((x) => `${x.iflowId}/${x.type}`)).toEqual(['Replicate_Account_from_SSCV2_to_S4HANA/SOAP', 'Replicate_SalesOrder_from_SSCV2_to_S4HANA/IDoc']);
    expect(r.internal).toEqual([{ iflow: expect.stringContaining('Replicate Account'), adapter: 'ToLog', type: 'ProcessDirect', address: '/acme/log' }]);
    expect(r.material.map((m) => [m.name, m.kind, m.status, m.pathways])).toEqual([
      ['ACME_S4_BASIC', 'user-credentials', 'missing', [4]],
      ['acme_sscv2_client', 'key-pair', 'missing', [2]],
    ]);
    // The handover names what each name needs and where it is created.
    const handover = buildHandover(l, [{ id: 'cred-aaaaaaaa', label: 'ACME_S4_BASIC', kind: 'basic' }]);
    expect(handover.material.find((m) => m.name === 'ACME_S4_BASIC')).toMatchObject({ status: 'prepared', needs: expect.stringContaining('User Credentials') });
    expect(handover.material.find((m) => m.name === 'acme_sscv2_client')).toMatchObject({ status: 'missing', needs: expect.stringContaining('Key Pair') });
    const ciItems = handover.sections.find((x) => x.place === 'ci-monitor')!.items.map((i) => i.title);
    expect(ciItems).toEqual(expect.arrayContaining(['User Credentials "ACME_S4_BASIC"', 'Keystore key pair "acme_sscv2_client"']));
  });

  it('into the s4-sscv2 template landscape: systems merged, the four drawn pathways filled in, none added', async () => {
    const { s, home } = setup();
    s.landscapes.create({ templateId: 's4-sscv2', name: 'Drawn' });
    const r = await s.iflows.import({ files: [file(home, 'package.zip', seed002Package())], landscape: 'Drawn' });
    const l = s.landscapes.get('Drawn');
    expect(l.systems).toHaveLength(2);
    expect(l.pathways).toHaveLength(4);
    expect(r.systems.map((x) => x.action)).toEqual(['merged', 'merged']);
    expect(r.pathways.map((p) => p.action)).toEqual(['update', 'update', 'update', 'update']);
    expect(r.pathways[1]!.changes).toEqual(expect.arrayContaining([{ field: 'keystoreAlias', before: '', after: 'acme_sscv2_client' }]));
    expect(l.pathways[3]!.credentialName).toBe('ACME_S4_BASIC');
  });

  it('a dry run saves nothing; a re-import of a changed iFlow shows the difference', async () => {
    const { s, home } = setup();
    const pkg = file(home, 'package.zip', seed002Package());
    const dry = await s.iflows.import({ files: [pkg], newName: 'Acme', dryRun: true });
    expect(dry.pathways).toHaveLength(4);
    expect(s.landscapes.list()).toEqual([]);
    await s.iflows.import({ files: [pkg], newName: 'Acme' });
    const changed = seed002Iflows()[1]!;
    changed.params = { S4_LocationID: 'acme-scc', S4_Credential: 'ACME_S4_BASIC_V2' };
    const r = await s.iflows.import({ files: [file(home, 'account.zip', iflowZip(changed))], landscape: 'Acme' });
    expect(r.pathways.map((p) => [p.number, p.action])).toEqual([
      [3, 'unchanged'],
      [4, 'update'],
    ]);
    expect(r.pathways[1]!.changes).toEqual([{ field: 'credentialName', before: 'ACME_S4_BASIC', after: 'ACME_S4_BASIC_V2' }]);
    expect(s.landscapes.get('Acme').pathways).toHaveLength(4);
  });

  it('a bare .iflw imports; unresolved parameters and run-time values come back as findings', async () => {
    const { s, home } = setup();
    const iflw = buildIflw({ id: 'Bare', flows: [{ type: 'HTTP', direction: 'Receiver', participant: 'Api', props: { httpAddressWithoutQuery: 'https://api.example.com/${header.path}', authenticationMethod: 'Basic', credentialName: '{{Api_Cred}}' } }] });
    const r = await s.iflows.import({ files: [file(home, 'Bare.iflw', iflw)], newName: 'Bare' });
    expect(r.iflows[0]!.adapters[0]).toMatchObject({ unresolved: ['Api_Cred'], dynamic: ['address: https://api.example.com/${header.path}'] });
    expect(r.findings.map((f) => f.message).join('\n')).toMatch(/\{\{Api_Cred\}\}[\s\S]*Set at run time/);
  });

  it('one name used as User Credentials and as OAuth2 credentials is flagged', async () => {
    const { s, home } = setup();
    const spec = { id: 'Two', flows: [
      { type: 'HTTP', direction: 'Receiver' as const, participant: 'A', props: { httpAddressWithoutQuery: 'https://a.example.com', authenticationMethod: 'Basic', credentialName: 'SHARED' } },
      { type: 'HTTP', direction: 'Receiver' as const, participant: 'B', props: { httpAddressWithoutQuery: 'https://b.example.com', authenticationMethod: 'OAuth2 Client Credentials', credentialName: 'SHARED' } },
    ] };
    const r = await s.iflows.import({ files: [file(home, 'two.zip', iflowZip(spec))], newName: 'Two' });
    expect(r.material.map((m) => [m.name, m.kind, m.status])).toEqual([
      ['SHARED', 'oauth2-credentials', 'conflict'],
      ['SHARED', 'user-credentials', 'conflict'],
    ]);
  });
});

describe('iFlow import: hostile archives are refused, nothing saved', { timeout: 60_000 }, () => {
  const iflw = buildIflw({ id: 'X', flows: [{ type: 'HTTP', direction: 'Receiver', participant: 'A', props: { httpAddressWithoutQuery: 'https://a.example.com' } }] });
  const nest = (bytes: Uint8Array, levels: number): Uint8Array => (levels === 0 ? bytes : nest(rawZip({ 'inner.zip': bytes }), levels - 1));
  const cases: [string, () => Uint8Array | string, RegExp][] = [
    ['a zip bomb', () => zipBomb(8), /zip bomb/],
    ['a zip bomb whose directory lies about the sizes', () => lieAboutSizes(zipBomb(8), 100), /zip bomb/],
    ['a 100 MB entry', () => hugeEntryZip(100), /inflates to more than 32 MB/],
    ['a path traversal name', () => rawZip({ '../../evil/x.iflw': strToU8(iflw) }), /points outside the archive/],
    ['an absolute entry name', () => rawZip({ '/etc/cron.d/x.iflw': strToU8(iflw) }), /points outside the archive/],
    ['XML with an external entity', () => iflowZip({ id: 'X', flows: [] }, { iflw: '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><definitions>&x;</definitions>' }), /DOCTYPE/],
    ['archives nested too deep', () => nest(iflowZip({ id: 'X', flows: [] }), 5), /nests archives deeper/],
    ['too many entries', () => rawZip(Object.fromEntries(Array.from({ length: 5001 }, (_, i) => [`e${i}.txt`, new Uint8Array(0)]))), /5001 entries/],
    ['a file that is no export', () => 'just text', /neither a zip archive nor an \.iflw/],
    ['an archive without an iFlow', () => rawZip({ 'readme.txt': strToU8('hi') }), /holds no integration flow/],
  ];
  for (const [what, make, message] of cases) {
    it(`refuses ${what}`, async () => {
      const { s, home } = setup();
      const good = file(home, 'good.zip', iflowZip({ id: 'Good', flows: seed002Iflows()[0]!.flows }));
      const bad = file(home, 'bad.zip', make());
      const attempt = s.iflows.import({ files: [good, bad], newName: 'Hostile' });
      await expect(attempt).rejects.toMatchObject({ code: 'IFLOW_REFUSED', message: expect.stringMatching(message) });
      await expect(attempt).rejects.toMatchObject({ message: expect.stringMatching(/bad\.zip.*Nothing was imported/) });
      expect(s.landscapes.list()).toEqual([]);
    });
  }

  it('reads a nested package within the nesting limit', async () => {
    const { s, home } = setup();
    const r = await s.iflows.import({ files: [file(home, 'outer.zip', rawZip({ 'pkg.zip': packageZip(seed002Iflows()) }))], newName: 'Nested', dryRun: true });
    expect(r.iflows).toHaveLength(3);
    expect(r.iflows[0]!.file).toMatch(/outer\.zip › pkg\.zip › 0+1_content › src\/main\/resources\/scenarioflows\/integrationflow\/Replicate_BP_from_S4HANA_to_SSCV2\.iflw$/);
  });
});
