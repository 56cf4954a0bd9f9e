/**
 * Probes in the real renderer (Chromium) over the test bridge to the real handlers: the four
 * s4-sscv2 pathways probed from the direction panel against loopback peers, the chain and verdict
 * shown, "probe all" with progress events in the page, and the canary in nothing the page holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../shared/ipc/contract';
import { openApp, type OpenedApp } from './harness';
import { openEdge, panel, probeOnce, stepsOf } from './edge-panel';
import { createTestServices, makeHome } from '../support/test-services';
import { CANARY, setUpS4Sscv2, type S4Fixture } from '../integration/probes/s4-sscv2-fixture';

let app: OpenedApp;
let fx: S4Fixture;

beforeAll(async () => {
  const home = makeHome('landscape-e2e-probes-');
  const services = createTestServices(home);
  fx = await setUpS4Sscv2(services, 'Probe E2E');
  app = await openApp({ home, services });
  await app.page.locator('[data-edge="4"]').waitFor();
});
afterAll(async () => {
  await app?.close();
  await fx?.nginx.stop();
});

describe('probes in the direction panel', () => {
  it.each([1, 2, 3, 4])('pathway %i: Probe shows live steps, then passed with the chain as sent', async (n) => {
    const page = app.page;
    await openEdge(page, n);
    const probe = await probeOnce(page, 'passed');
    expect(await stepsOf(probe)).toEqual(
      expect.arrayContaining(['connect', 'tls', 'certificates', 'http']),
    );
    const chain = probe.getByTestId('probe-chain');
    await expect.poll(() => chain.locator('li').count()).toBe(2);
    expect(await chain.textContent()).toContain('CN=Landscape Test Issuing CA');
    expect(await chain.textContent()).toMatch(/([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    // Pathways 2 and 4 are outbound (CI calls): CI's profile decides; 1 and 3 the sender's.
    expect(await probe.getByTestId('probe-profile').textContent()).toMatch(n % 2 === 0 ? /^Verdict as Cloud Integration \(Java JSSE/ : /^Verdict as Sender/);
  });

  it('shows a failure with its fix after the credential goes wrong', async () => {
    const p1 = app.services.landscapes.get(fx.landscapeId).pathways.find((p) => p.number === 1)!;
    await app.services.vault.update(p1.credentialId!, { secret: { password: 'wrong-one' } });
    try {
      await openEdge(app.page, 1);
      const probe = panel(app.page).getByTestId('probe-panel');
      await probe.getByRole('button', { name: 'Probe', exact: true }).click();
      await expect.poll(() => probe.locator('[data-verdict]').getAttribute('data-verdict'), { timeout: 15_000 }).toBe('failed');
      // The edge says so at once, without Probe all or a reload.
      await expect
        .poll(() => app.page.getByRole('button', { name: /^Pathway 1: / }).getAttribute('class'), { timeout: 3_000 })
        .toContain('state-failed');
      const finding = probe.locator('[data-code="http.401-inbound-basic"]');
      expect(await finding.textContent()).toContain('clientid and clientsecret');
      expect(await finding.textContent()).toContain('BTP cockpit');
    } finally {
      await app.services.vault.update(p1.credentialId!, { secret: { password: CANARY } });
    }
  });

  it('probe all through the page api: progress events for every pathway', async () => {
    const verdicts = await app.page.evaluate(async (landscapeId) => {
      const api = (globalThis as unknown as { api: Api }).api;
      const done = new Map<number, string>();
      const finished = new Promise<void>((resolve) => {
        const off = api.onProbeProgress((p) => {
          if (p.result && p.pathwayNumber) done.set(p.pathwayNumber, p.result.verdict);
          if (done.size === 4) {
            off();
            resolve();
          }
        });
      });
      const r = await api.startAllProbes({ landscapeId });
      if (!r.ok) throw new Error(r.error.message);
      await finished;
      return Object.fromEntries(done);
    }, fx.landscapeId);
    expect(verdicts).toEqual({ 1: 'passed', 2: 'passed', 3: 'passed', 4: 'passed' });
  });

  it('Probe all on the diagram: progress, then every edge says its last probe passed', async () => {
    const control = app.page.getByTestId('probe-all');
    await control.getByRole('button', { name: 'Probe all' }).click();
    await expect.poll(() => control.getByRole('status').textContent(), { timeout: 20_000 }).toBe('4 of 4 probed');
    for (const n of [1, 2, 3, 4]) {
      await expect
        .poll(() => app.page.getByRole('button', { name: new RegExp(`^Pathway ${n}: `) }).getAttribute('aria-label'))
        .toContain('last probe passed');
    }
  });

  it('the page never holds the canary password', async () => {
    expect(await app.page.content()).not.toContain(CANARY);
    const history = await app.page.evaluate(async (landscapeId) => {
      const api = (globalThis as unknown as { api: Api }).api;
      return JSON.stringify(await api.probeHistory({ landscapeId, pathwayNumber: 1 }));
    }, fx.landscapeId);
    expect(history).toContain('passed');
    expect(history).not.toContain(CANARY);
  });
});
