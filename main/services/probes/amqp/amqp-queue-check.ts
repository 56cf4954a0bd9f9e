/**
 * RabbitMQ 3.x (its rabbitmq_amqp1_0 plugin) accepts a sender link to /amq/queue/NAME whether or
 * not the queue exists: messages for a missing queue are unroutable and dropped, so CI's sends
 * "succeed" into nothing. For that broker and address form only, the probe asks once more with a
 * receiver link without credit (checked on attach; no message can be delivered): the queue exists,
 * it does not (amqp:not-found), or the user may not read it and the question stays open (a warning).
 */
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeContext } from '../engine-types';
import { isAmqpError, type AmqpConversation } from './amqp-link';
import type { AmqpProbeOptions } from './amqp-types';

export function needsQueueCheck(broker: string | undefined, o: Pick<AmqpProbeOptions, 'role' | 'address'>): boolean {
  return o.role === 'sender' && /^RabbitMQ 3\./.test(broker ?? '') && o.address.startsWith('/amq/queue/');
}

/** Resolves with whether the connection is still usable; throws (through `fail`) when the queue is missing. */
export async function checkQueueExists(ctx: ProbeContext, c: AmqpConversation, o: AmqpProbeOptions, fail: (e: unknown) => never): Promise<boolean> {
  return ctx.step('queue', 'Check the queue exists (RabbitMQ 3 does not check it for a sender)', async (mark) => {
    const r = c.connection.open_receiver({ source: { address: o.address }, credit_window: 0, autoaccept: false });
    r.on('message', (m) => (m as { delivery?: { release(o?: object): void } }).delivery?.release({ delivery_failed: false }));
    const source = () => (r as unknown as { remote?: { attach?: { source?: unknown } } }).remote?.attach?.source;
    try {
      await c.until(() => r.is_open() && Boolean(source()), ctx.signal);
    } catch (e) {
      if (!isAmqpError(e) || e.condition !== 'amqp:unauthorized-access') return fail(e);
      ctx.finding(diagnose('amqp.queue-unchecked', { address: o.address, user: o.user ?? 'anonymous', description: e.description ?? 'access refused' }));
      mark.warn('not confirmed: the user may not read the queue');
      return false;
    }
    r.close();
    mark.detail('the queue exists');
    return true;
  });
}
