/**
 * The AMQP diagnoses rabbitmq-server does not give, from peers on loopback: rhea's own AMQP 1.0
 * server (a real implementation) offering only ANONYMOUS, refusing the connection right after its
 * open, or refusing the link; and a raw server that sends endless frames after the protocol header.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import type { Container, EventContext } from 'rhea';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAmqpRunner } from '../../../main/services/probes/amqp/amqp-runner';
import type { AmqpProbeOptions } from '../../../main/services/probes/amqp/amqp-types';
import { runRecorded } from '../../support/probe-recorder';

type Listener = Server;
const password = `pw-${randomBytes(8).toString('hex')}`;
const closers: Array<() => void> = [];
let rhea: { create_container(o?: object): Container };

beforeAll(async () => {
  rhea = ((await import('rhea')) as unknown as { default: typeof rhea }).default;
});
afterAll(() => closers.forEach((c) => c()));

/** A rhea container listening on a free loopback port; `setup` adds its behaviour. */
async function rheaServer(setup: (c: Container) => void): Promise<number> {
  const c = rhea.create_container({ id: 'scripted-broker' });
  c.on('error', () => undefined);
  setup(c);
  const listener = c.listen({ port: 0, host: '127.0.0.1' }) as unknown as Listener;
  await new Promise<void>((r) => listener.once('listening', () => r()));
  closers.push(() => listener.close());
  return (listener.address() as AddressInfo).port;
}

const opts = (port: number, more: Partial<AmqpProbeOptions> = {}): AmqpProbeOptions => ({
  host: '127.0.0.1',
  port,
  transport: 'tcp',
  tls: false,
  address: 'orders',
  role: 'sender',
  route: { kind: 'direct' },
  trust: { local: [], localRole: 'info', ciKeystore: [] },
  user: 'ci-user',
  password,
  ...more,
});
const probe = (port: number, more: Partial<AmqpProbeOptions> = {}) => runRecorded(createAmqpRunner(opts(port, more)), 10_000);

describe('amqp probe against scripted AMQP 1.0 peers', () => {
  it('a broker offering no mechanism the probe can use (ANONYMOUS only, the probe has a user)', async () => {
    const port = await rheaServer((c) => c.sasl_server_mechanisms.enable_anonymous());
    const rec = await probe(port);
    expect(rec.codes).toEqual(['amqp.sasl.mechanism']);
    expect(rec.findings[0]?.message).toContain('ANONYMOUS');
    expect(JSON.stringify(rec)).not.toContain(password);
  });

  it('a broker that opens and closes at once with its reason: the connection is refused', async () => {
    const port = await rheaServer((c) => {
      c.sasl_server_mechanisms.enable_plain(() => true);
      c.on('connection_open', (ctx: EventContext) => ctx.connection.close({ condition: 'amqp:resource-limit-exceeded', description: 'too many connections for this user' }));
    });
    const rec = await probe(port);
    expect(rec.codes).toEqual(['amqp.open.refused']);
    expect(rec.findings[0]?.literal).toBe('amqp:resource-limit-exceeded: too many connections for this user');
  });

  it('a broker that refuses the link with another condition', async () => {
    const port = await rheaServer((c) => {
      c.sasl_server_mechanisms.enable_plain(() => true);
      c.on('receiver_open', (ctx: EventContext) => ctx.receiver?.close({ condition: 'amqp:not-allowed', description: 'no producers on this address' }));
    });
    const rec = await probe(port);
    expect(rec.codes).toEqual(['amqp.link.refused']);
    expect(rec.findings[0]?.literal).toBe('amqp:not-allowed: no producers on this address');
  });

  it('a peer that sends endless bytes after the protocol header: cut at the bound', async () => {
    const held: Socket[] = [];
    const server = createServer((s) => {
      held.push(s);
      s.on('error', () => undefined);
      // The SASL header, then a frame header announcing 4 MiB, then bytes until the probe hangs up.
      s.write(Buffer.concat([Buffer.from('AMQP\x03\x01\x00\x00', 'latin1'), Buffer.from([0x00, 0x40, 0x00, 0x00, 0x02, 0x01, 0x00, 0x00])]));
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => { while (!s.destroyed && s.write(chunk)); };
      s.on('drain', pump);
      pump();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    closers.push(() => (held.forEach((s) => s.destroy()), server.close()));
    const rec = await probe((server.address() as AddressInfo).port);
    expect(rec.codes).toEqual(['amqp.too-large']);
  });
});
