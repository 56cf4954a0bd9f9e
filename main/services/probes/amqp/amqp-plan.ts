/**
 * A modelled AMQP pathway → the AMQP probe. Port: 5671 with TLS, 5672 without (TCP); 443 / 80
 * for WebSocket. The link follows the direction: outbound (the AMQP receiver adapter, CI sends)
 * attaches a sender link, inbound (the AMQP sender adapter, CI consumes) a receiver link without
 * credit. The runner (and rhea) loads only when an AMQP probe runs.
 */
import { deriveDirection } from '../../../../shared/landscape';
import type { PathwayPlanner } from '../pathway-plan';
import { failingRunner } from '../pathway-plan';
import { planCiClientProbe } from '../ci-client-plan';
import { amqpDefaultPort } from './amqp-types';

export const planAmqpProbe: PathwayPlanner = (l, p, deps) => {
  const amqp = p.amqp ?? { transport: 'tcp' as const, tls: true };
  const job = planCiClientProbe(l, p, deps, {
    kind: 'amqp',
    defaultPort: amqpDefaultPort(amqp.transport, amqp.tls),
    authenticates: p.auth === 'plain',
    run: async (ctx, at) => {
      const { createAmqpRunner } = await import('./amqp-runner');
      await createAmqpRunner({
        ...at,
        transport: amqp.transport,
        tls: amqp.tls,
        ...(amqp.path ? { path: amqp.path } : {}),
        address: amqp.address ?? '',
        role: deriveDirection(p) === 'inbound' ? 'receiver' : 'sender',
        now: deps.now,
      })(ctx);
    },
  });
  if (!amqp.address?.trim() && p.proxy.type !== 'on-premise') return { ...job, runner: failingRunner('amqp.address-missing', { detail: 'no queue or topic is given' }) };
  return job;
};
