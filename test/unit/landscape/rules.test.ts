import { describe, expect, it } from 'vitest';
import { TENANT_ID, aliasProblem, checkPathway, findTemplate, instantiateTemplate, type Landscape, type Pathway } from '../../../shared/landscape';

let n = 0;
const newId = () => `r-${++n}`;
function s4(): Landscape {
  return instantiateTemplate(findTemplate('s4-sscv2')!, { id: newId(), name: 'R', now: '2026-01-01T00:00:00.000Z', newId });
}
const codes = (l: Landscape, p: Pathway) => checkPathway(l, p).map((f) => f.code);

describe('landscape rules', () => {
  it('flags a pathway that does not touch the tenant, or touches it twice', () => {
    const l = s4();
    const [a, b] = l.systems;
    expect(codes(l, { ...l.pathways[0]!, from: a!.id, to: b!.id })).toContain('DIRECTION_NO_TENANT');
    expect(codes(l, { ...l.pathways[0]!, from: TENANT_ID, to: TENANT_ID })).toContain('DIRECTION_TENANT_TO_TENANT');
    expect(codes(l, { ...l.pathways[0]!, from: 'ghost' })).toContain('UNKNOWN_SYSTEM');
  });

  it('refuses an auth method the protocol and direction do not allow', () => {
    const l = s4();
    expect(codes(l, { ...l.pathways[0]!, auth: 'public-key' })).toContain('AUTH_NOT_VALID');
    expect(codes(l, { ...l.pathways[0]!, auth: 'basic' })).not.toContain('AUTH_NOT_VALID');
  });

  it('On-Premise HTTP receivers need http://, the virtual host, and no client certificate', () => {
    const l = s4();
    const p4 = l.pathways[3]!;
    const onPrem = { ...p4, proxy: { type: 'on-premise' as const, locationId: 'LOC1', virtualHost: 's4-virtual' } };
    expect(codes(l, { ...onPrem, endpoint: 'https://s4-virtual:443/sap/x' })).toContain('ON_PREMISE_HTTP_SCHEME');
    expect(codes(l, { ...onPrem, endpoint: 'http://s4-real.corp:8000/sap/x' })).toContain('ON_PREMISE_VIRTUAL_HOST');
    expect(codes(l, { ...onPrem, auth: 'client-certificate', endpoint: 'http://s4-virtual:8000/x' })).toContain('ON_PREMISE_CLIENT_CERTIFICATE');
    const clean = codes(l, { ...onPrem, endpoint: 'http://s4-virtual:8000/sap/x', credentialName: 'S4_BASIC' });
    expect(clean.filter((c) => c.startsWith('ON_PREMISE'))).toEqual([]);
  });

  it('a virtual host entered as host:port (as the field asks) matches http://host:port/… and is fixed in the iFlow adapter', () => {
    const l = s4();
    const onPrem = { ...l.pathways[3]!, proxy: { type: 'on-premise' as const, locationId: 'LOC1', virtualHost: 's4-virtual:8000' } };
    expect(codes(l, { ...onPrem, endpoint: 'http://s4-virtual:8000/sap/x' })).not.toContain('ON_PREMISE_VIRTUAL_HOST');
    expect(codes(l, { ...onPrem, proxy: { ...onPrem.proxy, virtualHost: 'http://S4-Virtual:8000/' }, endpoint: 'http://s4-virtual:8000/sap/x' })).not.toContain('ON_PREMISE_VIRTUAL_HOST');
    const wrong = checkPathway(l, { ...onPrem, endpoint: 'http://s4-real.corp:8000/sap/x' }).find((f) => f.code === 'ON_PREMISE_VIRTUAL_HOST');
    expect(wrong?.whereToFix).toBe('iflow-adapter');
    expect(wrong?.message).toContain('s4-virtual');
    expect(wrong?.message).not.toContain('s4-virtual:8000');
  });

  it('SFTP via Cloud Connector must use the virtual host', () => {
    const l = instantiateTemplate(findTemplate('sftp-receiver')!, { id: newId(), name: 'S', now: '2026-01-01T00:00:00.000Z', newId });
    const p = { ...l.pathways[0]!, proxy: { type: 'on-premise' as const, locationId: 'L', virtualHost: 'orgftp' }, keystoreAlias: 'ftp_key' };
    expect(codes(l, { ...p, endpoint: 'ftp.internal.corp:22' })).toContain('SFTP_ON_PREMISE_VIRTUAL_HOST');
    expect(codes(l, { ...p, endpoint: 'orgftp:22' })).not.toContain('SFTP_ON_PREMISE_VIRTUAL_HOST');
  });

  it('inbound endpoints end in /http/… or /cxf/… on the runtime host', () => {
    const l = s4();
    l.tenant.runtimeHost = 'acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com';
    const p1 = l.pathways[0]!;
    expect(codes(l, { ...p1, endpoint: 'https://acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com/api/x' })).toContain('INBOUND_ENDPOINT_PATH');
    expect(codes(l, { ...p1, endpoint: 'https://other.example.com/cxf/x' })).toContain('INBOUND_ENDPOINT_HOST');
    const ok = codes(l, { ...p1, endpoint: 'https://acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com/cxf/bp' });
    expect(ok.filter((c) => c.startsWith('INBOUND'))).toEqual([]);
  });

  it('keystore alias rules', () => {
    expect(aliasProblem('sap_cloudintegrationcertificate')).toMatch(/SAP-owned/);
    expect(aliasProblem('hcicertificate1')).toMatch(/SAP-owned/);
    expect(aliasProblem('a/b')).toMatch(/slash/);
    expect(aliasProblem('acme_sscv2_client')).toBeUndefined();
    const l = s4();
    const p2 = l.pathways[1]!;
    expect(codes(l, p2)).toContain('KEYSTORE_ALIAS_MISSING');
    expect(codes(l, { ...p2, keystoreAlias: 'sap_mine' })).toContain('KEYSTORE_ALIAS_INVALID');
    l.ciKeystore = [{ alias: 'other', kind: 'key-pair' }];
    expect(codes(l, { ...p2, keystoreAlias: 'acme_client' })).toContain('KEYSTORE_ALIAS_NOT_IN_KEYSTORE');
  });

  it('a production landscape flags Basic authentication, development does not', () => {
    const l = s4();
    expect(codes(l, l.pathways[0]!)).not.toContain('PRODUCTION_BASIC_AUTH');
    l.stage = 'production';
    const f = checkPathway(l, l.pathways[0]!).find((x) => x.code === 'PRODUCTION_BASIC_AUTH');
    expect(f?.severity).toBe('warning');
    expect(f?.whereToFix).toBe('btp-cockpit');
    expect(codes(l, l.pathways[1]!)).not.toContain('PRODUCTION_BASIC_AUTH');
  });

  it('SMTPS is refused through the Cloud Connector', () => {
    const l = instantiateTemplate(findTemplate('mail-receiver')!, { id: newId(), name: 'M', now: '2026-01-01T00:00:00.000Z', newId });
    const p = { ...l.pathways[0]!, smtp: { protection: 'smtps' as const }, proxy: { type: 'on-premise' as const, locationId: '', virtualHost: 'mail' } };
    expect(codes(l, p)).toContain('SMTPS_ON_PREMISE');
  });
});

describe('landscape-level findings', () => {
  it('says that both directions need BTP cockpit rights beyond the CI roles (seed 002)', async () => {
    const { checkLandscape } = await import('../../../shared/landscape');
    expect(checkLandscape(s4()).map((f) => f.code)).toContain('ACCESS_BOTH_PLACES');
    const mail = instantiateTemplate(findTemplate('mail-receiver')!, { id: newId(), name: 'M', now: '2026-01-01T00:00:00.000Z', newId });
    expect(checkLandscape(mail).map((f) => f.code)).not.toContain('ACCESS_BOTH_PLACES');
  });
});
