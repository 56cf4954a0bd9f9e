import { UsageError, stringFlag, type CommandDef } from '../command';
import { parseTarget } from '../../../shared/probe/probe-target';
import { createAmqpRunner } from '../../services/probes/amqp/amqp-runner';
import { amqpDefaultPort, type AmqpTransport } from '../../services/probes/amqp/amqp-types';
import { COMMON_FLAGS, COMMON_USAGE, ciTrust, oneOf, runCiClientProbe, targetOf, userPassword } from './ci-client-cli';

const TRANSPORTS: AmqpTransport[] = ['tcp', 'websocket'];

export const amqpCommand: CommandDef = {
  name: 'amqp',
  uses: ['routes'],
  summary: 'AMQP 1.0 probe as CI’s AMQP receiver adapter meets the broker: TCP or WebSocket, TLS and chain, SASL PLAIN, a sender link to the queue or topic — never sends a message',
  usage: `landscape amqp HOST:PORT --transport tcp|websocket [--tls] [--user U --password-env VAR] --address A [--ca FILE] ${COMMON_USAGE}  (WebSocket path: give ws://HOST:PORT/PATH or wss://…)`,
  valueFlags: ['transport', 'address', ...COMMON_FLAGS],
  async run(args, ctx) {
    const transport = oneOf(args, 'transport', TRANSPORTS);
    const typed = args.positionals[0] ?? '';
    const tls = args.flags.tls === true || /^(amqps|wss):\/\//i.test(typed);
    const at = targetOf(args, amqpDefaultPort(transport, tls));
    const parsed = parseTarget(typed, at.port);
    const path = 'path' in parsed && parsed.path && parsed.path !== '/' ? parsed.path : undefined;
    const address = stringFlag(args, 'address');
    if (!address) throw new UsageError('--address A names the queue or topic (as the adapter’s Destination Name)');
    const trust = ciTrust(args);
    const cred = await userPassword(args, ctx, false);
    return runCiClientProbe(args, ctx, {
      kind: 'amqp',
      at,
      title: `AMQP ${at.host}:${at.port} (${transport}${tls ? ', TLS' : ''}) → ${address}`,
      // The CLI probes as the receiver adapter does (CI sends): a sender link; the app follows the pathway's direction.
      runner: (route) => createAmqpRunner({ ...at, transport, tls, ...(path ? { path } : {}), address, role: 'sender', route, trust, ...cred, now: ctx.services.now }),
    });
  },
};
