/**
 * The AMQP 1.0 probe as CI's AMQP adapter meets the broker: the connection along the route, TLS
 * judged by the CI profile, the WebSocket upgrade (WebSocket transport), SASL PLAIN (ANONYMOUS for
 * Authentication None) and open, then "does the queue or topic exist and may this user use it":
 * one link attached to the address, detached again, and the connection closed.
 *
 * The link never moves a message. The receiver adapter (CI sends) is probed with a SENDER link: the
 * broker checks the target and the user's right to send on attach, and the probe simply never
 * sends. The sender adapter (CI consumes) is probed with a RECEIVER link that is never given
 * credit: the broker checks the source and the right to consume, but without credit it may not
 * deliver, so no message is taken (nor locked) and the queue is as before.
 */
import type { Socket } from 'node:net';
import { diagnose } from '../../../../shared/probe/diagnosis';
import { AppError } from '../../../../shared/result';
import type { ProbeContext, ProbeRunner } from '../engine-types';
import { openRoute } from '../net/connect';
import { releaseSockets } from '../net/socket-io';
import { ProbeFailure } from '../probe-failure';
import { handshake } from '../tls/handshake';
import { checkCertificates } from '../tls-probe';
import { explainAmqp } from './amqp-explain';
import { AmqpConversation, isAmqpError } from './amqp-link';
import { checkQueueExists, needsQueueCheck } from './amqp-queue-check';
import type { AmqpProbeOptions } from './amqp-types';
import { upgradeToWebSocket } from './amqp-websocket';
import { AmqpWire } from './amqp-wire';

/** How long the probe waits for the broker to confirm detach and close before dropping the connection. */
const CLOSE_MS = 3_000;

function tcpWire(socket: Socket, o: AmqpProbeOptions): AmqpWire {
  const wire = new AmqpWire((d) => socket.write(d), () => socket.destroy(), `${o.host}:${o.port}`);
  socket.on('data', (d: Buffer) => wire.push(d));
  socket.on('error', (e) => wire.emit('error', e));
  socket.on('close', () => wire.finish());
  return wire;
}

function brokerName(c: AmqpConversation): string | undefined {
  const p = (c.connection as unknown as { remote?: { open?: { properties?: Record<string, unknown> } } }).remote?.open?.properties;
  const product = typeof p?.product === 'string' ? p.product : undefined;
  const version = typeof p?.version === 'string' ? p.version : undefined;
  return product ? [product, version].filter(Boolean).join(' ') : undefined;
}

async function converse(ctx: ProbeContext, wire: AmqpWire, o: AmqpProbeOptions): Promise<void> {
  const mechanism = o.user ? `SASL PLAIN as ${o.user}` : 'SASL ANONYMOUS';
  const c = await AmqpConversation.start(wire, o);
  let delivered = 0;
  let usable = true;
  const fail = (e: unknown): never => {
    if (isAmqpError(e)) {
      ctx.log(`broker: ${e.event}${e.condition ? ` ${e.condition}` : ''}${e.description ? `: ${e.description}` : ''}`);
      throw new ProbeFailure(explainAmqp(e, wire, o));
    }
    throw e;
  };
  try {
    await ctx.step('open', `AMQP 1.0 open (${mechanism})`, async (mark) => {
      await c.until(() => c.connection.is_open(), ctx.signal).catch(fail);
      const broker = brokerName(c);
      if (broker) ctx.fact('amqpBroker', broker);
      mark.detail(`connection open${broker ? ` to ${broker}` : ''}`);
    });
    c.phase = 'link';
    const what = o.role === 'sender' ? 'sender link (nothing is sent)' : 'receiver link without credit (nothing is taken)';
    const link = await ctx.step('link', `Attach a ${what} to ${o.address}`, async (mark) => {
      const l = o.role === 'sender'
        ? c.connection.open_sender({ target: { address: o.address } })
        : c.connection.open_receiver({ source: { address: o.address }, credit_window: 0, autoaccept: false });
      // A broker refusing a link answers the attach with no terminus, then detaches with the error.
      const terminus = () => {
        const attach = (l as unknown as { remote?: { attach?: { source?: unknown; target?: unknown } } }).remote?.attach;
        return o.role === 'sender' ? attach?.target : attach?.source;
      };
      if (o.role === 'receiver') {
        // Without credit the broker may deliver nothing; one that does anyway gets it back at once, unread.
        l.on('message', (m) => {
          delivered++;
          (m as { delivery?: { release(o?: object): void } }).delivery?.release({ delivery_failed: false });
        });
      }
      await c.until(() => l.is_open() && Boolean(terminus()), ctx.signal).catch(fail);
      ctx.fact('amqpLink', o.role);
      mark.detail(`attached to ${o.address}`);
      return l;
    });
    if (needsQueueCheck(brokerName(c), o)) usable = await checkQueueExists(ctx, c, o, fail);
    c.phase = 'close';
    await ctx.step('close', 'Detach and close', async (mark) => {
      if (!usable) return mark.detail('the broker had closed the connection after its refusal');
      link.close();
      c.connection.close();
      const bounded = AbortSignal.any([ctx.signal, AbortSignal.timeout(CLOSE_MS)]);
      try {
        await c.until(() => c.connection.is_closed(), bounded);
        mark.detail('detached and closed');
      } catch (e) {
        if (ctx.signal.aborted || (isAmqpError(e) && e.condition)) fail(e);
        mark.detail('the broker did not confirm the close; the connection was dropped');
      }
      // Counted up to the broker's close: a delivery it sent before confirming the detach is in.
      if (o.role === 'receiver') ctx.fact('amqpMessagesDelivered', delivered);
    });
  } finally {
    wire.destroy();
  }
}

export function createAmqpRunner(o: AmqpProbeOptions): ProbeRunner {
  return async (ctx) => {
    if (o.user && o.password === undefined) throw new AppError('CREDENTIAL_MISSING', 'SASL PLAIN needs a password', 'credentialId');
    if (o.password) ctx.secret(o.password);
    ctx.fact('amqpTransport', o.transport);
    ctx.fact('amqpTls', o.tls);
    const tcp = await openRoute(ctx, o.route, o.host, o.port);
    let socket: Socket = tcp;
    try {
      if (o.tls) {
        const tls = await handshake(ctx, tcp, o.host);
        socket = tls.socket;
        if (!(await checkCertificates(ctx, tls, o))) throw new ProbeFailure(diagnose('amqp.tls.untrusted'));
      }
      const wire = o.transport === 'websocket' ? await upgradeToWebSocket(ctx, socket, o) : tcpWire(socket, o);
      await converse(ctx, wire, o);
    } finally {
      releaseSockets(socket, tcp);
    }
  };
}
