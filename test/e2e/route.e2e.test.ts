/**
 * This laptop's route in the direction panel (Chromium, real handlers): the route the next probe
 * will take is shown before it runs, choosing a PAC file changes it, and the probe then goes
 * through Debian's tinyproxy and names that route in its verdict.
 */
import { X509Certificate } from 'node:crypto';
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPacServer, type PacServer } from '../peers/pac-server';
import { createTestPki } from '../peers/pki';
import { startTinyproxy, type RunningTinyproxy } from '../peers/tinyproxy';
import { createTestServices, makeHome } from '../support/test-services';
import { openApp, type OpenedApp } from './harness';

let app: OpenedApp;
let server: Server;
let proxy: RunningTinyproxy;
let pac: PacServer;
let port = 0;

beforeAll(async () => {
  const pki = await createTestPki();
  server = createServer({ cert: pki.server.certPem + pki.intermediate.certPem, key: pki.server.keyPem }, (c) => {
    c.on('error', () => {});
    c.once('data', () => c.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  proxy = await startTinyproxy({ connectPorts: [port] });
  pac = await startPacServer({ 'proxy.pac': `function FindProxyForURL(url, host) { return "PROXY 127.0.0.1:${proxy.port}"; }` });
  const home = makeHome('landscape-e2e-route-');
  const services = createTestServices(home, { env: {} });
  await services.load('landscapes', 'vault');
  const l = services.landscapes.create({ templateId: 'blank', name: 'Customer site' });
  const rcv = services.landscapes.addSystem(l.id, { name: 'Receiver', kind: 's4hana-cloud' }).systems.find((x) => x.name === 'Receiver')!;
  const user = await services.vault.create({ kind: 'basic', label: 'receiver user', meta: { user: 'u' }, secret: { password: 'receiver-pw-2' } });
  services.landscapes.addPathway(l.id, { from: 'tenant', to: rcv.id, protocol: 'https', adapter: 'http', auth: 'basic', credentialId: user.id, endpoint: `https://localhost:${port}/api` });
  services.landscapes.update(l.id, { ciKeystore: [{ alias: 'root', kind: 'certificate', pem: pki.root.certPem, fingerprintSha256: new X509Certificate(pki.root.certPem).fingerprint256 }] });
  app = await openApp({ home, services });
  await app.page.locator('[data-edge="1"]').waitFor();
}, 60_000);
afterAll(async () => {
  await app?.close();
  await Promise.all([proxy?.stop(), pac?.stop()]);
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('this laptop’s route in the direction panel', () => {
  it('shows the route before a probe, switches to a PAC file, and the probe goes through the proxy', async () => {
    const page = app.page;
    await page.getByRole('button', { name: /^Pathway 1: / }).click();
    const section = page.getByTestId('route-section');
    const preview = section.getByTestId('route-preview');
    // The test services read no proxy from the environment: "system" outside the app is the environment.
    await expect.poll(() => preview.textContent()).toBe('Next probe goes: direct');

    await section.getByLabel('Route', { exact: true }).selectOption('pac');
    await section.getByRole('button', { name: 'Apply route' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toContain('Enter the PAC file’s address');

    await section.getByLabel('PAC file').fill(pac.url('proxy.pac'));
    await section.getByRole('button', { name: 'Apply route' }).click();
    await expect.poll(() => preview.textContent()).toBe(`Next probe goes: proxy 127.0.0.1:${proxy.port} from PAC ${pac.url('proxy.pac')}`);
    expect(app.services.landscapes.list()[0] && app.services.landscapes.get(app.services.landscapes.list()[0]!.id).network).toEqual({ mode: 'pac', pacUrl: pac.url('proxy.pac') });

    const before = proxy.tunnels().length;
    const probe = page.getByTestId('probe-panel');
    await probe.getByRole('button', { name: 'Probe', exact: true }).click();
    await expect.poll(() => probe.locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 15_000 }).toBe('passed');
    expect(await probe.textContent()).toContain(`proxy 127.0.0.1:${proxy.port} from PAC`);
    expect(proxy.tunnels().slice(before)).toEqual([`localhost:${port}`]);
    await page.screenshot({ path: 'test-results/route-pac.png', fullPage: true });
  });
});
