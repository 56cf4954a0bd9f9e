import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../../shared/probe/probe-target';
import { bypassesProxy, chooseRoute, describeRoute } from '../../../main/services/probes/net/route';

describe('parseTarget', () => {
  it('reads host:port, bare hosts and IPv6', () => {
    expect(parseTarget('example.com:8443')).toEqual({ host: 'example.com', port: 8443, reducedFromUrl: false });
    expect(parseTarget('example.com')).toMatchObject({ host: 'example.com', port: 443 });
    expect(parseTarget('[::1]:9443')).toMatchObject({ host: '::1', port: 9443 });
  });
  it('reduces a pasted URL to host and port, keeping the path for HTTPS', () => {
    expect(parseTarget('https://x.it-cpi001-rt.cfapps.eu10.hana.ondemand.com/http/flow?a=1')).toEqual({
      host: 'x.it-cpi001-rt.cfapps.eu10.hana.ondemand.com', port: 443, path: '/http/flow?a=1', reducedFromUrl: true,
    });
    expect(parseTarget('https://h:8443/')).toMatchObject({ port: 8443, reducedFromUrl: true });
  });
  it('refuses nonsense', () => {
    expect(parseTarget('')).toHaveProperty('error');
    expect(parseTarget('host:99999')).toHaveProperty('error');
    expect(parseTarget('a b:1')).toHaveProperty('error');
  });
});

describe('routes', () => {
  it('goes direct without a proxy', () => expect(chooseRoute('h', undefined, {})).toEqual({ kind: 'direct' }));
  it('uses HTTPS_PROXY unless NO_PROXY matches', () => {
    const env = { HTTPS_PROXY: 'http://u:p%40ss@proxy.corp:3128', NO_PROXY: 'localhost,.internal.corp' };
    expect(chooseRoute('api.example', undefined, env)).toMatchObject({ kind: 'proxy', host: 'proxy.corp', port: 3128, user: 'u', password: 'p@ss', source: 'environment' });
    expect(chooseRoute('localhost', undefined, env)).toEqual({ kind: 'direct', reason: 'NO_PROXY matched' });
    expect(chooseRoute('a.internal.corp', undefined, env)).toEqual({ kind: 'direct', reason: 'NO_PROXY matched' });
  });
  it('falls back to HTTP_PROXY and names the variable it used', () => {
    const r = chooseRoute('api.example', undefined, { http_proxy: 'proxy.corp:8080' });
    expect(r).toMatchObject({ kind: 'proxy', host: 'proxy.corp', port: 8080, origin: 'HTTP_PROXY' });
    expect(describeRoute(r)).toBe('proxy proxy.corp:8080 from HTTP_PROXY');
  });
  it('prefers the pathway proxy and names the route without the password', () => {
    const r = chooseRoute('h', { host: 'p', port: 8080, user: 'me', password: 'secret-pw' }, { HTTPS_PROXY: 'http://other:1' });
    expect(r).toMatchObject({ source: 'pathway', host: 'p' });
    expect(describeRoute(r)).toContain('p:8080');
    expect(describeRoute(r)).not.toContain('secret-pw');
  });
  it('matches NO_PROXY like curl', () => {
    expect(bypassesProxy('x.example.com', 'example.com')).toBe(true);
    expect(bypassesProxy('badexample.com', 'example.com')).toBe(false);
    expect(bypassesProxy('any', '*')).toBe(true);
  });
});
