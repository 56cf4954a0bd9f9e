/**
 * The environment's proxy through the whole pathway plan: HTTPS_PROXY with credentials tunnels the
 * probe (and the result names that route, without the password), NO_PROXY sends it direct, and a
 * manual proxy on the pathway wins over the environment.
 */
import { createServer, type Server } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landscapeSchema } from '../../../shared/landscape';
import { createRedactor, silentLogger } from '../../../main/services/logger';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { planHttpsProbe, type PlanDeps } from '../../../main/services/probes/pathway-plan';
import { startConnectProxy, type RunningProxy } from '../../peers/connect-proxy';
import { createTestPki, type TestPki } from '../../peers/pki';

const PROXY_PW = 'proxy-canary-81d2';
let pki: TestPki;
let server: Server;
let port = 0;
let proxy: RunningProxy;
const engine = createProbeEngine({ redactor: createRedactor(), log: silentLogger });

beforeAll(async () => {
  pki = await createTestPki();
  server = createServer({ cert: pki.server.certPem + pki.intermediate.certPem, key: pki.server.keyPem }, (s) => {
    s.on('error', () => {});
    s.once('data', () => s.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
  proxy = await startConnectProxy({ user: 'corp', password: PROXY_PW });
});
afterAll(async () => {
  await proxy.stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

async function probe(env: Record<string, string>, proxySetting: Record<string, unknown> = { type: 'internet' }) {
  const now = new Date().toISOString();
  const l = landscapeSchema.parse({
    id: 'l',
    name: 'L',
    createdAt: now,
    updatedAt: now,
    systems: [{ id: 'rcv', name: 'Receiver', kind: 's4hana-cloud' }],
    caCertificates: [],
    ciKeystore: [{ alias: 'root', kind: 'certificate', pem: pki.root.certPem }],
    pathways: [{ id: 'p', number: 1, from: 'tenant', to: 'rcv', protocol: 'https', adapter: 'http', auth: 'basic', credentialId: 'c', endpoint: `https://localhost:${port}/api`, proxy: proxySetting, updatedAt: now }],
  });
  const deps: PlanDeps = {
    vault: { get: async () => ({ id: 'c', kind: 'basic', label: 'c', user: 'u', createdAt: now, updatedAt: now }), readSecret: async () => ({ password: 'receiver-pw-1' }) },
    env,
    now: () => new Date(),
  };
  const r = await engine.run(planHttpsProbe(l, l.pathways[0]!, deps));
  expect(JSON.stringify(r)).not.toContain(PROXY_PW);
  return r;
}

describe('proxy from the environment', () => {
  it('HTTPS_PROXY with credentials: tunnelled, route named', async () => {
    const before = proxy.tunnels.length;
    const r = await probe({ HTTPS_PROXY: `http://corp:${PROXY_PW}@127.0.0.1:${proxy.port}` });
    expect(r.verdict).toBe('passed');
    expect(r.route).toBe(`proxy 127.0.0.1:${proxy.port} from HTTPS_PROXY as corp`);
    expect(proxy.tunnels.length).toBe(before + 1);
  });
  it('NO_PROXY matching the host: direct', async () => {
    const before = proxy.tunnels.length;
    const r = await probe({ HTTPS_PROXY: `http://corp:${PROXY_PW}@127.0.0.1:${proxy.port}`, NO_PROXY: 'localhost' });
    expect(r.route).toBe('direct (NO_PROXY matched)');
    expect(proxy.tunnels.length).toBe(before);
  });
  it('a manual proxy without credentials on the pathway wins over the environment: 407 explained', async () => {
    const r = await probe({ HTTPS_PROXY: 'http://127.0.0.1:9' }, { type: 'manual', host: '127.0.0.1', port: proxy.port });
    expect(r.route).toBe(`proxy 127.0.0.1:${proxy.port} set on the pathway`);
    expect(r.findings.map((f) => f.code)).toEqual(['proxy.auth-required']);
  });
});
