/**
 * The diagram's edges follow the client profiles' verdicts (issue 12), in the real renderer over the
 * real handlers: the two servers the old verdicts called "warning" — a receiver whose certificate
 * allows clientAuth only, and a TLS 1.0-only server — are refused by Java (so by Cloud Integration)
 * and by a current OpenSSL, and the edge turns failed. Outbound pathway 2 is judged as Cloud
 * Integration (trust = the modelled CI keystore), inbound pathway 1 as the sender. Each server is an
 * `openssl s_server` on loopback; the same servers answer "refuses" in the JSSE matrix test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from './harness';
import { createTestServices, makeHome } from '../support/test-services';
import { setUpS4Sscv2, type S4Fixture } from '../integration/probes/s4-sscv2-fixture';
import { CLIENT_AUTH, issue } from '../peers/pki';
import { EDGE_STATE_TEXT } from '../../shared/diagram/from-landscape';
import { startOpensslServer, type RunningPeer } from '../peers/openssl-server';

let app: OpenedApp;
let fx: S4Fixture;
const peers: RunningPeer[] = [];

beforeAll(async () => {
  const home = makeHome('landscape-e2e-ci-edges-');
  const services = createTestServices(home);
  fx = await setUpS4Sscv2(services, 'CI verdict edges');
  const clientAuthOnly = await issue({ cn: 'localhost', issuer: fx.pki.intermediate, sans: ['localhost', '127.0.0.1'], eku: [CLIENT_AUTH] });
  const ekuPeer = await startOpensslServer({ pki: fx.pki, leaf: clientAuthOnly });
  const tls10Peer = await startOpensslServer({ pki: fx.pki, leaf: fx.pki.server, only: 'tls1' });
  peers.push(ekuPeer, tls10Peer);
  const byNumber = (n: number) => services.landscapes.get(fx.landscapeId).pathways.find((p) => p.number === n)!;
  services.landscapes.updatePathway(fx.landscapeId, byNumber(2).id, { endpoint: `https://localhost:${ekuPeer.port}/sap/c4c/api/v1/product-service/products` });
  services.landscapes.updatePathway(fx.landscapeId, byNumber(1).id, { endpoint: `https://localhost:${tls10Peer.port}/cxf/s4/product` });
  app = await openApp({ home, services });
  await app.page.locator('[data-edge="4"]').waitFor();
});
afterAll(async () => {
  await app?.close();
  await Promise.all(peers.map((p) => p.stop()));
  await fx?.nginx.stop();
});

const panel = (page: Page) => page.getByTestId('side-panel');
const edge = (page: Page, n: number) => page.getByRole('button', { name: new RegExp(`^Pathway ${n}: `) });
/** The end of an edge's accessible name for a state ("…, Basic authentication, failed"). */
const saying = (state: 'failed' | 'passed') => new RegExp(`, ${EDGE_STATE_TEXT[state].text}$`);

async function probeFromPanel(page: Page, n: number) {
  await edge(page, n).click();
  await expect.poll(() => panel(page).getByRole('heading', { level: 2 }).textContent()).toMatch(new RegExp(`^Pathway ${n}: `));
  const probe = panel(page).getByTestId('probe-panel');
  await probe.getByRole('button', { name: 'Probe', exact: true }).click();
  await expect.poll(() => probe.locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 15_000 }).not.toBeNull();
  return probe;
}

describe('diagram edges follow the CI and sender verdicts', () => {
  it('outbound, serverAuth missing from the receiver certificate: CI refuses, the edge is failed', async () => {
    const probe = await probeFromPanel(app.page, 2);
    expect(await probe.locator('[data-verdict]').getAttribute('data-verdict')).toBe('failed');
    expect(await probe.getByTestId('probe-profile').textContent()).toMatch(/^Verdict as Cloud Integration \(Java JSSE/);
    const finding = probe.locator('[data-code="tls.eku-not-server"]');
    expect(await finding.getAttribute('class')).toBe('severity-error');
    expect(await finding.textContent()).toContain('Extended key usage does not permit use for TLS server authentication');
    await expect.poll(() => edge(app.page, 2).getAttribute('class'), { timeout: 3_000 }).toContain('state-failed');
    expect(await edge(app.page, 2).getAttribute('aria-label')).toMatch(saying('failed'));
  });

  it('inbound, a TLS 1.0-only endpoint: the sender refuses, the edge is failed (never a warning)', async () => {
    const probe = await probeFromPanel(app.page, 1);
    expect(await probe.locator('[data-verdict]').getAttribute('data-verdict')).toBe('failed');
    expect(await probe.getByTestId('probe-profile').textContent()).toMatch(/^Verdict as Sender/);
    const finding = probe.locator('[data-code="tls.weak-protocol"]');
    expect(await finding.getAttribute('class')).toBe('severity-error');
    expect(await finding.textContent()).toContain('TLSv1');
    // Like the sender, the probe sends no request (and no password) to a server it refuses.
    expect(await probe.locator('[data-step="http"]').getAttribute('data-status')).toBe('skipped');
    await expect.poll(() => edge(app.page, 1).getAttribute('class'), { timeout: 3_000 }).toContain('state-failed');
  });

  it('the edge states the app computes agree with the page, and a reload keeps them', async () => {
    expect(app.services.probes.edgeStates(fx.landscapeId)).toMatchObject({ 1: 'failed', 2: 'failed' });
    await app.page.reload();
    await app.page.locator('[data-edge="4"]').waitFor();
    await expect.poll(() => edge(app.page, 2).getAttribute('aria-label')).toMatch(saying('failed'));
    await expect.poll(() => edge(app.page, 1).getAttribute('aria-label')).toMatch(saying('failed'));
    // The pathways left as they were still pass: the failed edges are about these servers only.
    const probe = await probeFromPanel(app.page, 4);
    expect(await probe.locator('[data-verdict]').getAttribute('data-verdict')).toBe('passed');
    await expect.poll(() => edge(app.page, 4).getAttribute('aria-label')).toMatch(saying('passed'));
  });
});
