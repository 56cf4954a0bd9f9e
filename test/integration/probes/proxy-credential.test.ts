/**
 * A pathway behind an explicit HTTP proxy that wants Basic authentication: the proxy's credential
 * comes from the vault (pathway.proxy.credentialId), the tunnel is really used, the route is named,
 * a wrong proxy password is diagnosed as such, and the proxy password appears in no result or log.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../main/composition';
import { startConnectProxy, type RunningProxy } from '../../peers/connect-proxy';
import { createTestServices, makeHome } from '../../support/test-services';
import { CANARY, setUpS4Sscv2, type S4Fixture } from './s4-sscv2-fixture';

const PROXY_PASSWORD = `${CANARY}-proxy-pw`;
let home: string;
let services: Services;
let fx: S4Fixture;
let proxy: RunningProxy;

beforeAll(async () => {
  home = makeHome('landscape-proxy-cred-');
  services = createTestServices(home);
  fx = await setUpS4Sscv2(services, 'Proxy Test');
  proxy = await startConnectProxy({ user: 'proxyuser', password: PROXY_PASSWORD });
});
afterAll(async () => {
  await proxy?.stop();
  await fx?.nginx.stop();
});

const pathway4 = () => services.landscapes.get(fx.landscapeId).pathways.find((p) => p.number === 4)!;

describe('explicit proxy with its credential in the vault', () => {
  it('tunnels through the proxy with the vault credential and names the route', async () => {
    const cred = await services.vault.create({ kind: 'basic', label: 'corporate proxy', meta: { user: 'proxyuser' }, secret: { password: PROXY_PASSWORD } });
    services.landscapes.updatePathway(fx.landscapeId, pathway4().id, { proxy: { type: 'manual', host: '127.0.0.1', port: proxy.port, credentialId: cred.id } });
    const r = await services.probes.start(fx.landscapeId, 4, () => {}).done;
    expect(r.verdict).toBe('passed');
    expect(r.route).toContain(`127.0.0.1:${proxy.port}`);
    expect(proxy.tunnels.some((t) => t.startsWith('localhost:'))).toBe(true);
    const everything = JSON.stringify(r) + JSON.stringify(services.probes.history(fx.landscapeId, 4)) + readFileSync(join(home, 'logs', 'main.log'), 'utf8');
    expect(everything).not.toContain(PROXY_PASSWORD);
  });

  it('a wrong proxy password is the proxy’s 407, fixed in the network, not the receiver’s 401', async () => {
    const cred = await services.vault.create({ kind: 'basic', label: 'stale proxy password', meta: { user: 'proxyuser' }, secret: { password: 'not-the-password-1' } });
    services.landscapes.updatePathway(fx.landscapeId, pathway4().id, { proxy: { type: 'manual', host: '127.0.0.1', port: proxy.port, credentialId: cred.id } });
    const r = await services.probes.start(fx.landscapeId, 4, () => {}).done;
    expect(r.verdict).toBe('failed');
    // Credentials were sent and refused: "rejected", naming the user, not "required".
    const finding = r.findings.find((f) => f.code === 'proxy.auth-rejected');
    expect(finding?.whereToFix).toBe('network');
    expect(finding?.message).toContain('proxyuser');
  });
});
