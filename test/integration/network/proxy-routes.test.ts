/**
 * The same HTTPS pathway probed direct, through HTTPS_PROXY, through a PAC file and through a
 * manual proxy, against Debian's tinyproxy (Basic authentication, CONNECT port allow-list) with the
 * app's real services (landscapes, vault on the session keychain). Each proxy failure is diagnosed:
 * no credentials, wrong credentials, a port the proxy refuses, a proxy that is down, a proxy that
 * only speaks Windows sign-on, and PAC files that are missing, loop forever or name SOCKS.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/composition';
import type { LaptopRoute } from '../../../shared/landscape';
import { startNtlmOnlyProxy, startPacServer, type PacServer } from '../../peers/pac-server';
import { createTestPki, type TestPki } from '../../peers/pki';
import { freePort } from '../../peers/ports';
import { startTinyproxy, type RunningTinyproxy } from '../../peers/tinyproxy';
import { createTestServices, makeHome } from '../../support/test-services';

const proxyPassword = `proxy-${randomBytes(8).toString('hex')}`;
let pki: TestPki;
let server: Server;
let port = 0;
let proxy: RunningTinyproxy;
let strict: RunningTinyproxy;
let pac: PacServer;
let ntlm: { port: number; stop(): Promise<void> };
let s: Services;
let envServices: Services;
let landscapeId = '';
let proxyCred = '';
let wrongCred = '';

beforeAll(async () => {
  pki = await createTestPki();
  server = createServer({ cert: pki.server.certPem + pki.intermediate.certPem, key: pki.server.keyPem }, (c) => {
    c.on('error', () => {});
    c.once('data', () => c.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  proxy = await startTinyproxy({ auth: { user: 'corp', password: proxyPassword }, connectPorts: [port] });
  strict = await startTinyproxy({ connectPorts: [443] });
  ntlm = await startNtlmOnlyProxy();
  pac = await startPacServer({
    'proxy.pac': `function FindProxyForURL(url, host) { if (host == "localhost" && myIpAddress() != "") return "PROXY 127.0.0.1:${proxy.port}; DIRECT"; return "DIRECT"; }`,
    'socks.pac': 'function FindProxyForURL(url, host) { return "SOCKS5 127.0.0.1:1080"; }',
    'loop.pac': 'function FindProxyForURL(url, host) { while (true) {} }',
  });
  const home = makeHome();
  s = createTestServices(home, { env: {} });
  envServices = createTestServices(home, { env: { HTTPS_PROXY: `http://corp:${proxyPassword}@127.0.0.1:${proxy.port}` } });
  const l = s.landscapes.create({ templateId: 'blank', name: 'Behind the proxy' });
  const rcv = s.landscapes.addSystem(l.id, { name: 'Receiver', kind: 's4hana-cloud' }).systems.find((x) => x.name === 'Receiver')!;
  const user = await s.vault.create({ kind: 'basic', label: 'receiver user', meta: { user: 'u' }, secret: { password: 'receiver-pw-1' } });
  proxyCred = (await s.vault.create({ kind: 'basic', label: 'proxy user', meta: { user: 'corp' }, secret: { password: proxyPassword } })).id;
  wrongCred = (await s.vault.create({ kind: 'basic', label: 'old proxy user', meta: { user: 'corp' }, secret: { password: 'not-the-password' } })).id;
  s.landscapes.addPathway(l.id, { from: 'tenant', to: rcv.id, protocol: 'https', adapter: 'http', auth: 'basic', credentialId: user.id, endpoint: `https://localhost:${port}/api` });
  s.landscapes.update(l.id, { ciKeystore: [{ alias: 'root', kind: 'certificate', pem: pki.root.certPem, fingerprintSha256: new X509Certificate(pki.root.certPem).fingerprint256 }] });
  landscapeId = l.id;
}, 60_000);

afterAll(async () => {
  await Promise.all([proxy?.stop(), strict?.stop(), pac?.stop(), ntlm?.stop()]);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function probeWith(route: LaptopRoute, services: Services = s) {
  services.landscapes.update(landscapeId, { network: route });
  const preview = await services.probes.previewRoute(landscapeId, 1);
  const r = await services.probes.start(landscapeId, 1, () => {}).done;
  expect(JSON.stringify([r, preview])).not.toContain(proxyPassword);
  return { r, preview, codes: r.findings.map((f) => f.code) };
}

describe('one pathway, four routes, one real proxy', () => {
  it('direct: no tunnel', async () => {
    const before = proxy.tunnels().length;
    const { r, preview } = await probeWith({ mode: 'direct' });
    expect(r.verdict).toBe('passed');
    expect(r.route).toBe('direct (chosen for this landscape)');
    expect(preview.route).toBe(r.route);
    expect(proxy.tunnels().length).toBe(before);
  });

  it('HTTPS_PROXY: tunnelled by tinyproxy with Basic authentication', async () => {
    const before = proxy.tunnels().length;
    const { r, preview } = await probeWith({ mode: 'env' }, envServices);
    expect(r.verdict).toBe('passed');
    expect(r.route).toBe(`proxy 127.0.0.1:${proxy.port} from HTTPS_PROXY as corp`);
    expect(preview.route).toBe(r.route);
    expect(proxy.tunnels().slice(before)).toEqual([`localhost:${port}`]);
  });

  it('a PAC file served over HTTP, with the proxy credential from the vault', async () => {
    const before = proxy.tunnels().length;
    const { r, preview } = await probeWith({ mode: 'pac', pacUrl: pac.url('proxy.pac'), credentialId: proxyCred });
    expect(r.verdict).toBe('passed');
    expect(r.route).toBe(`proxy 127.0.0.1:${proxy.port} from PAC ${pac.url('proxy.pac')} as corp`);
    expect(preview.route).toBe(r.route);
    expect(proxy.tunnels().slice(before)).toEqual([`localhost:${port}`]);
  });

  it('a manual proxy for the landscape, with its credential', async () => {
    const before = proxy.tunnels().length;
    const { r } = await probeWith({ mode: 'manual', host: '127.0.0.1', port: proxy.port, credentialId: proxyCred });
    expect(r.verdict).toBe('passed');
    expect(r.route).toBe(`proxy 127.0.0.1:${proxy.port} set for this landscape as corp`);
    expect(proxy.tunnels().slice(before)).toEqual([`localhost:${port}`]);
  });
});

describe('each proxy failure named', () => {
  it('no credentials: 407 with the scheme the proxy asked for', async () => {
    const { r, codes } = await probeWith({ mode: 'pac', pacUrl: pac.url('proxy.pac') });
    expect(codes).toEqual(['proxy.auth-required']);
    expect(r.findings[0]!.message).toContain('requires Basic authentication');
  });
  it('wrong credentials: rejected, the user named', async () => {
    const { r, codes } = await probeWith({ mode: 'manual', host: '127.0.0.1', port: proxy.port, credentialId: wrongCred });
    expect(codes).toEqual(['proxy.auth-rejected']);
    expect(r.findings[0]!.message).toContain('corp');
  });
  it('a port outside the proxy’s CONNECT allow-list: refused', async () => {
    const { r, codes } = await probeWith({ mode: 'manual', host: '127.0.0.1', port: strict.port });
    expect(codes).toEqual(['proxy.refused']);
    expect(r.findings[0]!.message).toContain('HTTP 403');
  });
  it('a proxy that is down', async () => {
    const { codes } = await probeWith({ mode: 'manual', host: '127.0.0.1', port: await freePort() });
    expect(codes).toEqual(['proxy.unreachable']);
  });
  it('a proxy that only speaks Windows sign-on: what to do instead', async () => {
    const { r, codes } = await probeWith({ mode: 'manual', host: '127.0.0.1', port: ntlm.port, credentialId: proxyCred });
    expect(codes).toEqual(['proxy.auth-unsupported']);
    expect(r.findings[0]!.message).toContain('Negotiate or NTLM');
  });
  it('PAC files that are missing, name SOCKS only, or never return', async () => {
    const missing = await probeWith({ mode: 'pac', pacUrl: pac.url('missing.pac') });
    expect(missing.codes).toEqual(['route.pac-unreadable']);
    expect(missing.r.findings[0]!.message).toContain('HTTP 404');
    expect(missing.preview.finding?.code).toBe('route.pac-unreadable');
    expect((await probeWith({ mode: 'pac', pacUrl: pac.url('socks.pac') })).codes).toEqual(['route.socks']);
    const loop = await probeWith({ mode: 'pac', pacUrl: pac.url('loop.pac') });
    expect(loop.codes).toEqual(['route.pac-failed']);
    expect(loop.r.verdict).toBe('failed');
  });
});
