import { describe, expect, it } from 'vitest';
import { applicableFields } from '../../../shared/landscape/applicable-fields';
import { parseRuntimeHost, parseTokenUrl } from '../../../shared/landscape/tenant-input';

const fields = (protocol: 'https' | 'sftp' | 'smtp', auth: Parameters<typeof applicableFields>[0]['auth'], direction: 'inbound' | 'outbound', proxy = 'internet') =>
  [...applicableFields({ protocol, auth, proxy: { type: proxy } }, direction)].sort();

describe('applicableFields: only what the direction and authentication use', () => {
  it('inbound HTTPS: the credential only (the sender’s is in the BTP cockpit, not named in CI)', () => {
    expect(fields('https', 'basic', 'inbound')).toEqual(['credentialId']);
    expect(fields('https', 'client-certificate', 'inbound')).toEqual(['credentialId']);
    expect(fields('https', 'none', 'inbound')).toEqual([]);
  });
  it('outbound HTTPS: the proxy type, and the CI name or the key alias the method needs', () => {
    expect(fields('https', 'basic', 'outbound')).toEqual(['credentialId', 'credentialName', 'proxy']);
    expect(fields('https', 'oauth2-client-credentials', 'outbound')).toEqual(['credentialId', 'credentialName', 'proxy']);
    expect(fields('https', 'client-certificate', 'outbound')).toEqual(['credentialId', 'keystoreAlias', 'proxy']);
    expect(fields('https', 'none', 'outbound')).toEqual(['proxy']);
    expect(fields('https', 'basic', 'outbound', 'on-premise')).toEqual(['credentialId', 'credentialName', 'locationId', 'proxy', 'virtualHost']);
  });
  it('SFTP (CI polls or writes: the client both ways): dual needs both the name and the alias', () => {
    expect(fields('sftp', 'dual', 'inbound')).toEqual(['credentialId', 'credentialName', 'keystoreAlias', 'proxy', 'user']);
    expect(fields('sftp', 'public-key', 'outbound')).toEqual(['credentialId', 'keystoreAlias', 'proxy', 'user']);
    expect(fields('sftp', 'none', 'outbound')).toEqual(['proxy']);
  });
  it('a stored On-Premise proxy on an inbound pathway stays visible, so it can be undone', () => {
    expect(fields('https', 'basic', 'inbound', 'on-premise')).toEqual(['credentialId', 'locationId', 'proxy', 'virtualHost']);
  });
});

describe('tenant input', () => {
  it('stores the host alone: typed, pasted as the service key url, with a port or a trailing dot', () => {
    expect(parseRuntimeHost(' Acme.IT-CPI001-RT.cfapps.eu10.hana.ondemand.com ')).toEqual({ ok: true, value: 'acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com' });
    expect(parseRuntimeHost('https://acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com/http/x')).toEqual({ ok: true, value: 'acme.it-cpi001-rt.cfapps.eu10.hana.ondemand.com' });
    expect(parseRuntimeHost('localhost:8443')).toEqual({ ok: true, value: 'localhost' });
    expect(parseRuntimeHost('acme.example.')).toEqual({ ok: true, value: 'acme.example' });
    expect(parseRuntimeHost('')).toEqual({ ok: true, value: '' });
  });
  it('refuses what is not a host, saying what to enter', () => {
    for (const bad of ['acme rt', 'acme_rt.example', 'https://', '-acme.example', 'a..b']) {
      const r = parseRuntimeHost(bad);
      expect(r.ok, bad).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/host|URL/);
    }
  });
  it('token URL: https only, whole', () => {
    expect(parseTokenUrl('https://acme.authentication.eu10.hana.ondemand.com/oauth/token')).toEqual({ ok: true, value: 'https://acme.authentication.eu10.hana.ondemand.com/oauth/token' });
    expect(parseTokenUrl('http://acme/oauth/token').ok).toBe(false);
    expect(parseTokenUrl('acme/oauth/token').ok).toBe(false);
  });
});

describe('the inbound-host rule with a runtime host stored with its port (service key apply on a non-default port)', () => {
  it('compares host names, not host:port with a host', async () => {
    const { checkPathway, findTemplate, instantiateTemplate } = await import('../../../shared/landscape');
    let n = 0;
    const newId = () => `f-${++n}`;
    const l = instantiateTemplate(findTemplate('s4-sscv2')!, { id: newId(), name: 'R', now: '2026-01-01T00:00:00.000Z', newId });
    l.tenant.runtimeHost = 'localhost:8443';
    const p1 = { ...l.pathways[0]!, endpoint: 'https://localhost:8443/http/orders' };
    expect(checkPathway(l, p1).map((f) => f.code)).not.toContain('INBOUND_ENDPOINT_HOST');
    expect(checkPathway(l, { ...p1, endpoint: 'https://elsewhere:8443/http/orders' }).map((f) => f.code)).toContain('INBOUND_ENDPOINT_HOST');
  });
});
