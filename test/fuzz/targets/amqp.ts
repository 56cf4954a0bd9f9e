/**
 * What an AMQP 1.0 broker sends before the connection is open — protocol headers, SASL mechanisms
 * and outcome, the open frame — through the probe's own wire (byte bound, first-bytes check), rhea's
 * frame reader and the probe's explanation, over an in-memory socket that delivers the input in
 * pieces and then ends. Seeds: the bytes rhea's own AMQP 1.0 server sends the probe on loopback,
 * recorded at setup, plus an AMQP 0-9-1 header and an HTTP answer.
 */
import { connect, type AddressInfo, type Server, type Socket } from 'node:net';
import fc from 'fast-check';
import type { Container } from 'rhea';
import { diagnose } from '../../../shared/probe/diagnosis';

import { explainAmqp } from '../../../main/services/probes/amqp/amqp-explain';
import { AmqpConversation, isAmqpError } from '../../../main/services/probes/amqp/amqp-link';
import { AmqpWire } from '../../../main/services/probes/amqp/amqp-wire';
import { ProbeFailure } from '../../../main/services/probes/probe-failure';
import { INPUT_BUDGET_MS, type FuzzTarget } from '../fuzz-types';
import { mutatedText } from '../mutate';

const AT = { host: '127.0.0.1', port: 5672, user: 'ci-user', address: '/amq/queue/orders', role: 'sender' as const };

/** A wire whose writes are dropped; once the probe has written (its protocol header), the input arrives in up to three pieces, then the end. */
function inputWire(input: string, cut: number): AmqpWire {
  const bytes = Buffer.from(input, 'latin1');
  const a = Math.floor(bytes.length * cut);
  const b = Math.floor((bytes.length + a) / 2);
  let answered = false;
  const wire: AmqpWire = new AmqpWire(
    () => {
      if (answered) return;
      answered = true;
      setImmediate(() => {
        for (const p of [bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)]) if (p.length) wire.push(Buffer.from(p));
        // rhea reads what follows the SASL outcome only with the next chunk (a broker sends it after
        // the client's answer): an empty chunk lets it read what is left before the end.
        wire.push(Buffer.alloc(0));
        wire.finish();
      });
    },
    () => undefined,
    'fuzz',
  );
  return wire;
}

/** The bytes rhea's AMQP 1.0 server sends a probe up to (and with) its open frame. */
async function recordBrokerOpen(): Promise<string> {
  const rhea = ((await import('rhea')) as unknown as { default: { create_container(o?: object): Container } }).default;
  const server = rhea.create_container({ id: 'fuzz-broker' });
  server.sasl_server_mechanisms.enable_plain(() => true);
  const listener = server.listen({ port: 0, host: '127.0.0.1' }) as unknown as Server;
  await new Promise<void>((r) => listener.once('listening', () => r()));
  const socket: Socket = connect((listener.address() as AddressInfo).port, '127.0.0.1');
  const seen: Buffer[] = [];
  const wire = new AmqpWire((d) => socket.write(d), () => socket.destroy(), 'record');
  socket.on('data', (d: Buffer) => (seen.push(d), wire.push(d)));
  socket.on('close', () => wire.finish());
  await new Promise<void>((r) => socket.once('connect', () => r()));
  const c = await AmqpConversation.start(wire, { host: '127.0.0.1', user: 'ci-user', password: 'fuzz-seed' });
  await c.until(() => c.connection.is_open(), AbortSignal.timeout(5_000));
  socket.destroy();
  listener.close();
  return Buffer.concat(seen).toString('latin1');
}

export const amqpOpenTarget: FuzzTarget<[string, number]> = {
  name: 'AMQP 1.0 broker answers (protocol header, SASL, open)',
  async setup() {
    const recorded = await recordBrokerOpen();
    const seeds = [recorded, 'AMQP\x00\x00\x09\x01', 'AMQP\x03\x01\x00\x00', 'HTTP/1.1 400 Bad Request\r\n\r\n'];
    return {
      // Binary frames rarely survive a mutation: the seeds themselves are among the inputs too.
      arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...seeds), mutatedText({ seeds, tokens: ['AMQP\x03\x01\x00\x00', 'AMQP\x00\x01\x00\x00', 'AMQP\x00\x00\x09\x01', '\x00\x00\x00\x08\x02\x01\x00\x00', '\x00S@', '\x00Sp', '\xa3\x05PLAIN', '\xff\xff\xff\xff'] })), fc.double({ min: 0, max: 1, noNaN: true })),
      run: async ([input, cut]) => {
        const wire = inputWire(input, cut);
        const c = await AmqpConversation.start(wire, { host: AT.host, user: AT.user, password: 'fuzz-password' });
        try {
          await c.until(() => c.connection.is_open(), AbortSignal.timeout(INPUT_BUDGET_MS));
          return { open: true };
        } catch (e) {
          if (isAmqpError(e)) throw new ProbeFailure(explainAmqp(e, wire, AT));
          throw new ProbeFailure(diagnose('probe.unexpected', { detail: 'no answer in time' }));
        }
      },
      close: async () => {},
    };
  },
};
