/**
 * The AMQP 1.0 probe against Debian's rabbitmq-server (3.10, rabbitmq_amqp1_0) on loopback, one
 * broker for the file: TCP and TLS (the chain judged by the CI profile), WebSocket through Debian's
 * websockify, SASL PLAIN, the link that moves no message — and every AMQP diagnosis from a real
 * refusal. Last, the plugin is switched off: the same broker then speaks AMQP 0-9-1 only.
 */
import { X509Certificate, randomBytes } from 'node:crypto';
import type { Container } from 'rhea';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmqpRunner } from '../../../main/services/probes/amqp/amqp-runner';
import type { AmqpProbeOptions } from '../../../main/services/probes/amqp/amqp-types';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { createLogger, createRedactor } from '../../../main/services/logger';
import { createTestPki, type TestPki } from '../../peers/pki';
import { freePort } from '../../peers/ports';
import { startRabbitmq, type RabbitPeer } from '../../peers/rabbitmq';
import { startWebsockify, type WebsockifyPeer } from '../../peers/websockify';
import { runRecorded } from '../../support/probe-recorder';
import { startHostilePeer, type HostilePeer } from '../../peers/hostile';

const password = `pw-${randomBytes(8).toString('hex')}`;
const otherPassword = `pw-${randomBytes(8).toString('hex')}`;
let pki: TestPki;
let root: X509Certificate;
let broker: RabbitPeer;
const ws: Record<string, WebsockifyPeer> = {};

beforeAll(async () => {
  pki = await createTestPki();
  root = new X509Certificate(pki.root.certPem);
  broker = await startRabbitmq({
    users: [
      { name: 'ci-user', password, configure: '.*', write: '.*', read: '.*' },
      // May send, may not consume: a receiver link to a queue is refused for it.
      { name: 'writer', password: otherPassword, configure: '', write: '.*', read: '' },
    ],
    queues: ['orders', 'inbox'],
    certPem: pki.server.certPem,
    keyPem: pki.server.keyPem,
    caPem: pki.intermediate.certPem + pki.root.certPem,
  });
  process.stderr.write(`rabbitmq-server ready in ${broker.startMs} ms\n`);
  // One by one, so afterAll stops each one that started even if a later one fails.
  ws.bridge = await startWebsockify({ targetPort: broker.amqpPort, amqp: true, path: '/amqp' });
  ws.wss = await startWebsockify({ targetPort: broker.amqpPort, amqp: true, path: '/amqp', certPem: pki.server.certPem + pki.intermediate.certPem, keyPem: pki.server.keyPem });
  ws.stock = await startWebsockify({ targetPort: broker.amqpPort, amqp: false });
}, 180_000);
afterAll(async () => {
  await Promise.all(Object.values(ws).map((p) => p.stop()));
  await broker?.stop();
}, 60_000);

function opts(more: Partial<AmqpProbeOptions> = {}): AmqpProbeOptions {
  return {
    host: '127.0.0.1',
    port: broker.amqpPort,
    transport: 'tcp',
    tls: false,
    address: '/amq/queue/orders',
    role: 'sender',
    route: { kind: 'direct' },
    trust: { local: [root], localRole: 'info', ciKeystore: [root] },
    user: 'ci-user',
    password,
    ...more,
  };
}
const ids = (r: { steps: { id: string }[] }) => r.steps.map((s) => s.id);
const probe = (more: Partial<AmqpProbeOptions> = {}) => runRecorded(createAmqpRunner(opts(more)), 15_000);
const engine = createProbeEngine({ redactor: createRedactor(), log: createLogger(() => {}, createRedactor()) });
/** Through the engine, which explains raw network errors (refused, not TLS) as the app shows them. */
const engineRun = (more: Partial<AmqpProbeOptions> = {}) => {
  const o = opts(more);
  return engine.run({ kind: 'amqp', target: { host: o.host, port: o.port }, runner: createAmqpRunner(o), deadlineMs: 15_000 });
};

describe('amqp probe against rabbitmq-server', () => {
  it('TCP, SASL PLAIN: open, a sender link to the queue, detach and close; the password nowhere', async () => {
    const rec = await probe();
    expect(rec.error).toBeUndefined();
    expect(ids(rec)).toEqual(['connect', 'open', 'link', 'queue', 'close']);
    expect(rec.facts.amqpBroker).toMatch(/^RabbitMQ 3\.10/);
    expect(rec.steps.find((s) => s.id === 'link')?.detail).toBe('attached to /amq/queue/orders');
    expect(JSON.stringify(rec)).not.toContain(password);
  });

  it('TLS: the chain judged by the CI profile, then the same conversation', async () => {
    const rec = await probe({ port: broker.tlsPort, tls: true });
    expect(rec.error).toBeUndefined();
    expect(ids(rec)).toEqual(['connect', 'tls', 'certificates', 'open', 'link', 'queue', 'close']);
    expect(rec.facts.tlsClientProfile).toMatch(/Cloud Integration/);
  });

  it('a root missing from the CI keystore: PKIX, and no login is sent', async () => {
    const other = new X509Certificate(pki.otherRoot.certPem);
    const rec = await probe({ port: broker.tlsPort, tls: true, trust: { local: [other], localRole: 'info', ciKeystore: [other] } });
    expect(rec.codes).toContain('amqp.tls.untrusted');
    expect(rec.codes.some((c) => c.startsWith('tls.pkix'))).toBe(true);
    expect(ids(rec)).not.toContain('open');
  });

  it('WebSocket (ws and wss) through websockify negotiating the amqp subprotocol', async () => {
    const plain = await probe({ port: ws.bridge!.port, transport: 'websocket', path: '/amqp' });
    expect(plain.error).toBeUndefined();
    expect(ids(plain)).toEqual(['connect', 'websocket', 'open', 'link', 'queue', 'close']);
    const secure = await probe({ port: ws.wss!.port, transport: 'websocket', tls: true, path: '/amqp' });
    expect(secure.error).toBeUndefined();
    expect(ids(secure)).toEqual(['connect', 'tls', 'certificates', 'websocket', 'open', 'link', 'queue', 'close']);
  });

  it('WebSocket: a wrong path is refused with 404; a bridge without the amqp subprotocol with 400', async () => {
    const wrongPath = await probe({ port: ws.bridge!.port, transport: 'websocket', path: '/ws' });
    expect(wrongPath.codes).toEqual(['amqp.ws.not-found']);
    expect(wrongPath.findings[0]?.message).toContain('/ws');
    const stock = await probe({ port: ws.stock!.port, transport: 'websocket' });
    expect(stock.codes).toEqual(['amqp.ws.refused']);
    expect(stock.findings[0]?.literal).toMatch(/^HTTP\/1\.1 400 /);
  });

  it('a wrong password: SASL PLAIN refused, the password never in the result', async () => {
    const wrong = `wrong-${randomBytes(6).toString('hex')}`;
    const rec = await probe({ password: wrong });
    expect(rec.codes).toEqual(['amqp.sasl.failed']);
    expect(rec.findings[0]?.literal).toBe('javax.jms.JMSSecurityException: Client failed to authenticate using SASL: PLAIN');
    expect(rec.findings[0]?.whereToFix).toBe('ci-monitor');
    expect(JSON.stringify(rec)).not.toContain(wrong);
  });

  it('no authentication (SASL ANONYMOUS) where the broker wants a user', async () => {
    const rec = await probe({ user: undefined, password: undefined });
    expect(rec.codes).toEqual(['amqp.sasl.anonymous-refused']);
    expect(rec.findings[0]?.message).toMatch(/PLAIN/);
  });

  it('a queue or exchange that does not exist: amqp:not-found, for a receiver and a sender link', async () => {
    const queue = await probe({ address: '/amq/queue/no-such-queue', role: 'receiver' });
    expect(queue.codes).toEqual(['amqp.not-found']);
    expect(queue.findings[0]?.message).toContain('/amq/queue/no-such-queue');
    const exchange = await probe({ address: '/exchange/no-such-exchange' });
    expect(exchange.codes).toEqual(['amqp.not-found']);
  });

  it('RabbitMQ 3 takes a sender on a missing /amq/queue/ address: the probe checks the queue itself', async () => {
    const there = await probe();
    expect(there.steps.find((s) => s.id === 'queue')?.detail).toBe('the queue exists');
    const missing = await probe({ address: '/amq/queue/no-such-queue' });
    expect(missing.steps.find((s) => s.id === 'link')?.status).toBe('ok');
    expect(missing.codes).toEqual(['amqp.not-found']);
    const unreadable = await probe({ user: 'writer', password: otherPassword });
    expect(unreadable.error).toBeUndefined();
    expect(unreadable.codes).toEqual(['amqp.queue-unchecked']);
    expect(unreadable.steps.find((s) => s.id === 'queue')?.status).toBe('warning');
  });

  it('a user without the right to consume: amqp:unauthorized-access', async () => {
    const rec = await probe({ user: 'writer', password: otherPassword, role: 'receiver' });
    expect(rec.codes).toEqual(['amqp.unauthorized']);
    expect(rec.findings[0]?.message).toMatch(/"writer" may not receive from "\/amq\/queue\/orders"/);
  });

  it('the receiver link takes no message: what the queue held is still there to consume', async () => {
    const { default: rhea } = (await import('rhea')) as unknown as { default: { create_container(): Container } };
    const connect = () => rhea.create_container().connect({ host: '127.0.0.1', port: broker.amqpPort, username: 'ci-user', password, reconnect: false });
    // The broker's "accepted" means the message is in the queue.
    await new Promise<void>((resolve, reject) => {
      const conn = connect();
      conn.once('sendable', (ctx) => {
        ctx.sender?.send({ body: 'keep me' });
        ctx.sender?.once('accepted', () => (conn.close(), resolve()));
      });
      conn.once('connection_error', () => reject(new Error('publish failed')));
      conn.open_sender({ target: { address: '/amq/queue/inbox' } });
    });
    const rec = await probe({ address: '/amq/queue/inbox', role: 'receiver' });
    expect(rec.error).toBeUndefined();
    expect(rec.facts.amqpLink).toBe('receiver');
    expect(rec.facts.amqpMessagesDelivered).toBe(0);
    const body = await new Promise<unknown>((resolve, reject) => {
      const conn = connect();
      const timer = setTimeout(() => (conn.close(), reject(new Error('the queue is empty'))), 10_000);
      conn.once('message', (ctx) => (clearTimeout(timer), ctx.delivery?.accept(), conn.close(), resolve(ctx.message?.body)));
      conn.open_receiver({ source: { address: '/amq/queue/inbox' } });
    });
    expect(body).toBe('keep me');
  }, 60_000);

  it('TLS against the plain port, and plain AMQP against the TLS port, are named', async () => {
    const tlsOnPlain = await engineRun({ tls: true });
    expect(tlsOnPlain.findings.map((f) => f.code)).toEqual(['net.not-tls']);
    const plainOnTls = await probe({ port: broker.tlsPort });
    expect(plainOnTls.codes).toEqual(['amqp.not-amqp']);
  });

  it('nothing listening: connection refused', async () => {
    const rec = await engineRun({ port: await freePort() });
    expect(rec.verdict).toBe('failed');
    expect(rec.findings.map((f) => f.code)).toEqual(['net.refused']);
  });

  it('last: with the AMQP 1.0 plugin off, the broker answers AMQP 0-9-1 only', async () => {
    await broker.disableAmqp10();
    const rec = await probe();
    expect(rec.codes).toEqual(['amqp.protocol-0-9-1']);
    expect(rec.findings[0]?.fix).toMatch(/rabbitmq_amqp1_0/);
  }, 120_000);
});

describe('amqp probe: deadline and cancel through the engine', () => {
  // Accepts and never answers: the probe must end by its deadline or its cancel.
  let silent: HostilePeer;
  beforeAll(async () => {
    silent = await startHostilePeer('silent');
  });
  afterAll(() => silent.stop());
  it('a silent server: timed out at the open; a cancel ends the probe as cancelled', async () => {
    const port = silent.port;
    const job = { kind: 'amqp' as const, target: { host: '127.0.0.1', port }, runner: createAmqpRunner({ ...opts(), port }) };
    const r = await engine.run({ ...job, deadlineMs: 600 });
    expect(r.verdict).toBe('timed-out');
    expect(r.steps.find((s) => s.id === 'open')?.status).toBe('failed');
    const controller = new AbortController();
    const running = engine.run({ ...job, deadlineMs: 5_000 }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 200);
    expect((await running).verdict).toBe('cancelled');
  });
});
