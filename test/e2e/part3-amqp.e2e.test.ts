/**
 * The amqp-receiver template pathway probed end to end in the real renderer (Chromium) over the test
 * bridge to the real handlers and Debian's rabbitmq-server on loopback: the endpoint and address set
 * in the direction panel, the maintained-where steps, a passing probe over TLS with SASL PLAIN, a
 * queue that does not exist explained, then the WebSocket transport and path chosen in the panel
 * (through websockify). No password in the page.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenedApp } from './harness';
import { commit, openPrepared, panel, probeOnce, stepsOf } from './edge-panel';
import { createTestPki, type TestPki } from '../peers/pki';
import { startRabbitmq, type RabbitPeer } from '../peers/rabbitmq';
import { startWebsockify, type WebsockifyPeer } from '../peers/websockify';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let pki: TestPki;
let broker: RabbitPeer;
let wss: WebsockifyPeer | undefined;
let app: OpenedApp | undefined;

beforeAll(async () => {
  pki = await createTestPki();
  broker = await startRabbitmq({
    users: [{ name: 'ci-user', password: canary, configure: '.*', write: '.*', read: '.*' }],
    queues: ['orders'],
    certPem: pki.server.certPem,
    keyPem: pki.server.keyPem,
    caPem: pki.intermediate.certPem + pki.root.certPem,
  });
  wss = await startWebsockify({ targetPort: broker.amqpPort, amqp: true, path: '/amqp', certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem });
}, 180_000);
afterAll(async () => {
  await app?.close();
  await wss?.stop();
  await broker?.stop();
}, 60_000);


describe('amqp-receiver in the app', () => {
  it('configured in the panel, probed over TLS with SASL PLAIN; a missing queue explained; then over WebSocket', async () => {
    const opened = await openPrepared({ templateId: 'amqp-receiver', name: 'AMQP E2E', user: 'ci-user', password: canary, rootPem: pki.root.certPem });
    app = opened.app;
    const { s, l, page, home } = opened;

    await commit(page, 'cfg-endpoint', `127.0.0.1:${broker.tlsPort}`);
    await commit(page, 'cfg-address', '/amq/queue/orders');
    await expect.poll(() => s.landscapes.get(l.id).pathways[0]!.amqp).toEqual({ transport: 'tcp', tls: true, address: '/amq/queue/orders' });
    const where = panel(page).getByTestId('maintained-where');
    expect(await where.textContent()).toMatch(/Keystore: server root CA[\s\S]*User Credentials[\s\S]*Queue or topic CI sends to/);

    const ok = await probeOnce(page, 'passed');
    expect(await stepsOf(ok)).toEqual(expect.arrayContaining(['tls', 'certificates', 'open', 'link', 'queue', 'close']));
    expect(await ok.locator('[data-step="link"]').textContent()).toContain('/amq/queue/orders');
    await page.screenshot({ path: join(home, 'amqp-probe.png'), fullPage: true });

    await commit(page, 'cfg-address', '/exchange/no-such-exchange');
    await expect.poll(() => s.landscapes.get(l.id).pathways[0]!.amqp?.address).toBe('/exchange/no-such-exchange');
    const failed = await probeOnce(page, 'failed');
    expect(await failed.locator('[data-code="amqp.not-found"]').textContent()).toContain('Destination Name in the AMQP adapter');
    await page.screenshot({ path: join(home, 'amqp-not-found.png'), fullPage: true });

    await panel(page).locator('#cfg-transport').selectOption('websocket');
    await expect.poll(() => s.landscapes.get(l.id).pathways[0]!.amqp?.transport).toBe('websocket');
    await commit(page, 'cfg-endpoint', `127.0.0.1:${wss!.port}`);
    await commit(page, 'cfg-wsPath', '/amqp');
    await commit(page, 'cfg-address', '/amq/queue/orders');
    await expect.poll(() => s.landscapes.get(l.id).pathways[0]!.amqp).toEqual({ transport: 'websocket', tls: true, address: '/amq/queue/orders', path: '/amqp' });
    const ws = await probeOnce(page, 'passed');
    expect(await stepsOf(ws)).toEqual(expect.arrayContaining(['tls', 'certificates', 'websocket', 'open', 'link']));
    await page.screenshot({ path: join(home, 'amqp-websocket.png'), fullPage: true });

    expect(await page.content()).not.toContain(canary);
  }, 180_000);
});
