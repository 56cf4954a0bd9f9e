/**
 * What a failed AMQP conversation means, from the first failure rhea reported, the phase it came
 * in and the broker's first bytes: an AMQP 0-9-1 (or no AMQP) answer, a SASL refusal, a refused
 * open, or the broker's condition on the link (amqp:not-found, amqp:unauthorized-access, …).
 */
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { Finding } from '../../../../shared/probe/probe-types';
import type { AmqpError } from './amqp-link';
import type { AmqpProbeOptions } from './amqp-types';
import { describeHead, WIRE_LIMIT, type AmqpWire } from './amqp-wire';

export function explainAmqp(e: AmqpError, wire: AmqpWire, o: Pick<AmqpProbeOptions, 'host' | 'port' | 'user' | 'address' | 'role'>): Finding {
  if (wire.tooLarge) return diagnose('amqp.too-large', { limit: `${WIRE_LIMIT / 1024 / 1024} MiB` });
  const description = e.description ?? 'no description';
  const condition = e.condition ?? 'no condition';
  // A broker refusing a connection answers open, then closes at once: the phase the failure came in decides.
  if (e.phase === 'open') {
    const head = describeHead(wire.head);
    if (head) return diagnose(head.code, { host: o.host, port: o.port, detail: head.detail });
    if (/^No suitable mechanism/i.test(description)) {
      return o.user ? diagnose('amqp.sasl.mechanism', { detail: description.replace(/^No suitable mechanism; /i, '') }) : diagnose('amqp.sasl.anonymous-refused', { detail: description.replace(/^No suitable mechanism; /i, '') });
    }
    if (/^Failed to authenticate/i.test(description)) {
      const detail = 'SASL outcome: authentication failed';
      return o.user ? diagnose('amqp.sasl.failed', { mechanism: 'PLAIN', user: o.user, detail }) : diagnose('amqp.sasl.anonymous-refused', { detail });
    }
    if (e.condition) return diagnose('amqp.open.refused', { condition, description });
    return diagnose('amqp.not-amqp', { host: o.host, port: o.port, detail: 'it closed the connection during the AMQP open' });
  }
  const vars = { address: o.address, description, condition };
  if (e.condition === 'amqp:not-found') return diagnose('amqp.not-found', vars);
  if (e.condition === 'amqp:unauthorized-access') return diagnose('amqp.unauthorized', { ...vars, user: o.user ?? 'anonymous', access: o.role === 'sender' ? 'send to' : 'receive from' });
  if (e.condition) return diagnose('amqp.link.refused', vars);
  return diagnose('amqp.link.refused', { ...vars, condition: 'connection closed', description: 'the broker closed the connection without saying why' });
}
