/**
 * Debian's rabbitmq-server (3.10, with its rabbitmq_amqp1_0 plugin: AMQP 1.0 on the AMQP port) on
 * loopback for the AMQP probe tests, in the foreground with everything private under a temp dir:
 * config, enabled plugins, Mnesia, logs, the Erlang cookie (HOME), its own epmd on a free port
 * (started here, in the foreground, so it is ours to stop) and a free distribution port. No systemd,
 * no /usr/sbin wrapper (it switches to the rabbitmq user): the server script itself, which runs as
 * root or as the launching user. Users, permissions and the queue come from a definitions file.
 * Starting a broker takes seconds (measured: `startMs`), so each test file starts one.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, waitForPort } from './ports';
import { stopAtFileEnd } from './stop-at-file-end';

const BIN = '/usr/lib/rabbitmq/bin';
const run = promisify(execFile);

export interface RabbitUser {
  name: string;
  password: string;
  /** RabbitMQ permission regexes in the default virtual host. */
  configure: string;
  write: string;
  read: string;
}

export interface RabbitPeer {
  amqpPort: number;
  tlsPort: number;
  /** The queues the definitions declared (address /amq/queue/NAME). */
  queues: string[];
  startMs: number;
  ctl(...args: string[]): Promise<string>;
  /** Turns the AMQP 1.0 plugin off in the running broker: it then answers AMQP 0-9-1 only. */
  disableAmqp10(): Promise<void>;
  stop(): Promise<void>;
}

/** RabbitMQ's rabbit_password_hashing_sha256: base64(salt ‖ SHA-256(salt ‖ password)). */
function passwordHash(password: string): string {
  const salt = randomBytes(4);
  return Buffer.concat([salt, createHash('sha256').update(Buffer.concat([salt, Buffer.from(password, 'utf8')])).digest()]).toString('base64');
}

function stopChild(child: ChildProcess, ms: number): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), ms);
    child.once('exit', () => (clearTimeout(kill), resolve()));
    child.kill('SIGTERM');
  });
}

export async function startRabbitmq(o: { users: RabbitUser[]; queues: string[]; certPem: string; keyPem: string; caPem: string }): Promise<RabbitPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'peer-rabbitmq-'));
  const [amqpPort, tlsPort, distPort, epmdPort, ctlPort] = [await freePort(), await freePort(), await freePort(), await freePort(), await freePort()];
  const file = (name: string, content: string) => (writeFileSync(join(dir, name), content, { mode: 0o600 }), join(dir, name));
  const definitions = {
    users: o.users.map((u) => ({ name: u.name, password_hash: passwordHash(u.password), hashing_algorithm: 'rabbit_password_hashing_sha256', tags: '' })),
    vhosts: [{ name: '/' }],
    permissions: o.users.map((u) => ({ user: u.name, vhost: '/', configure: u.configure, write: u.write, read: u.read })),
    queues: o.queues.map((name) => ({ name, vhost: '/', durable: true, auto_delete: false, arguments: {} })),
  };
  const config = [
    `listeners.tcp.default = 127.0.0.1:${amqpPort}`,
    `listeners.ssl.default = 127.0.0.1:${tlsPort}`,
    `ssl_options.certfile = ${file('server.pem', o.certPem)}`,
    `ssl_options.keyfile = ${file('server.key', o.keyPem)}`,
    `ssl_options.cacertfile = ${file('ca.pem', o.caPem)}`,
    'ssl_options.verify = verify_none',
    'ssl_options.fail_if_no_peer_cert = false',
    `load_definitions = ${file('definitions.json', JSON.stringify(definitions))}`,
    // No ANONYMOUS login as a default user: a connection without SASL PLAIN is refused.
    'amqp1_0.default_user = none',
    'log.console = true',
    'log.file = false',
  ];
  const env = {
    ...process.env,
    HOME: dir,
    RABBITMQ_NODENAME: `landscape-${randomBytes(4).toString('hex')}@localhost`,
    RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_CONFIG_FILE: file('rabbitmq.conf', config.join('\n') + '\n'),
    RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
    RABBITMQ_ENABLED_PLUGINS_FILE: file('enabled_plugins', '[rabbitmq_amqp1_0].\n'),
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_LOGS: '-',
    RABBITMQ_DIST_PORT: String(distPort),
    RABBITMQ_CTL_DIST_PORT_MIN: String(ctlPort),
    RABBITMQ_CTL_DIST_PORT_MAX: String(ctlPort),
    ERL_EPMD_PORT: String(epmdPort),
  };
  const started = Date.now();
  const epmd = spawn('epmd', ['-port', String(epmdPort), '-address', '127.0.0.1'], { stdio: 'ignore', env });
  await waitForPort(epmdPort, 10_000);
  const broker = spawn(join(BIN, 'rabbitmq-server'), [], { stdio: ['ignore', 'pipe', 'pipe'], env, cwd: dir });
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('Server startup complete')) resolve();
    };
    broker.stdout?.on('data', onData);
    broker.stderr?.on('data', onData);
    broker.once('exit', (c) => reject(new Error(`rabbitmq-server exited ${c}: ${out.slice(-2000)}`)));
  });
  const stop = async () => {
    await stopChild(broker, 20_000);
    await stopChild(epmd, 5_000);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await Promise.race([ready, new Promise((_, reject) => setTimeout(() => reject(new Error(`rabbitmq-server not ready after 90 s: ${out.slice(-2000)}`)), 90_000).unref())]);
    await waitForPort(amqpPort, 10_000);
    await waitForPort(tlsPort, 10_000);
  } catch (e) {
    await stop();
    throw e;
  }
  const node = env.RABBITMQ_NODENAME;
  const ctl = async (...args: string[]) => (await run(join(BIN, 'rabbitmqctl'), ['-n', node, ...args], { env, cwd: dir, timeout: 60_000 })).stdout;
  return {
    amqpPort,
    tlsPort,
    queues: o.queues,
    startMs: Date.now() - started,
    ctl,
    disableAmqp10: async () => {
      await run(join(BIN, 'rabbitmq-plugins'), ['-n', node, 'disable', '--online', 'rabbitmq_amqp1_0'], { env, cwd: dir, timeout: 90_000 });
    },
    stop: stopAtFileEnd(stop),
  };
}
