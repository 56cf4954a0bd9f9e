/**
 * `landscape amqp` as a user runs it (child processes of the built CLI) and `landscape probe` for the
 * AMQP template pathway, against Debian's rabbitmq-server on loopback: --json prints only JSON, exit
 * codes, --ca as the CI keystore, the password only from the environment and never printed.
 */
import { spawnSync } from 'node:child_process';
import { X509Certificate, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run-cli';
import type { Services } from '../../../main/composition';
import { createTestServices, makeHome } from '../../support/test-services';
import { createTestPki, type TestPki } from '../../peers/pki';
import { startRabbitmq, type RabbitPeer } from '../../peers/rabbitmq';

const canary = `canary-${randomBytes(9).toString('hex')}`;
let services: Services;
let pki: TestPki;
let broker: RabbitPeer;
let home: string;

beforeAll(async () => {
  pki = await createTestPki();
  broker = await startRabbitmq({
    users: [{ name: 'ci-user', password: canary, configure: '.*', write: '.*', read: '.*' }],
    queues: ['orders'],
    certPem: pki.server.certPem,
    keyPem: pki.server.keyPem,
    caPem: pki.intermediate.certPem + pki.root.certPem,
  });
  home = makeHome('landscape-cli-amqp-');
  services = createTestServices(home);
}, 180_000);
afterAll(async () => broker?.stop(), 60_000);

function built(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/landscape.mjs', 'amqp', ...args], { encoding: 'utf8', env: { ...process.env, LANDSCAPE_HOME: home, ...env }, timeout: 90_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('landscape amqp (the built CLI)', () => {
  it('TLS with --ca as the CI keystore and SASL PLAIN passes; --json prints only the result', () => {
    const ca = pki.write('amqp-root.pem', pki.root.certPem);
    const r = built([`127.0.0.1:${broker.tlsPort}`, '--transport', 'tcp', '--tls', '--user', 'ci-user', '--password-env', 'AMQP_PW', '--address', '/amq/queue/orders', '--ca', ca, '--json'], { AMQP_PW: canary });
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json).slice(0, 4)).toEqual(['probeId', 'kind', 'target', 'verdict']);
    expect(json.kind).toBe('amqp');
    expect(json.verdict).toBe('passed');
    expect(json.steps.map((s: { id: string }) => s.id)).toEqual(['route', 'connect', 'tls', 'certificates', 'open', 'link', 'queue', 'close']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(canary);
  });

  it('a queue that is not there, a CI keystore without the root: exit 1 with the finding; usage errors exit 2', () => {
    const missing = built([`127.0.0.1:${broker.amqpPort}`, '--transport', 'tcp', '--user', 'ci-user', '--password-env', 'AMQP_PW', '--address', '/exchange/no-such', '--json'], { AMQP_PW: canary });
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).findings.map((f: { code: string }) => f.code)).toEqual(['amqp.not-found']);
    const other = pki.write('amqp-other.pem', pki.otherRoot.certPem);
    const untrusted = built([`127.0.0.1:${broker.tlsPort}`, '--transport', 'tcp', '--tls', '--user', 'ci-user', '--password-env', 'AMQP_PW', '--address', '/amq/queue/orders', '--ca', other], { AMQP_PW: canary });
    expect(untrusted.code).toBe(1);
    expect(untrusted.stdout).toContain('PKIX path building failed');
    expect(untrusted.stdout).not.toContain(canary);
    expect(built([`127.0.0.1:${broker.amqpPort}`, '--transport', 'tcp']).code).toBe(2);
    expect(built([`127.0.0.1:${broker.amqpPort}`, '--transport', 'udp', '--address', 'q']).code).toBe(2);
    expect(built([`127.0.0.1:${broker.amqpPort}`, '--transport', 'tcp', '--address', 'q', '--user', 'ci-user']).code).toBe(2);
    expect(built([`127.0.0.1:${broker.amqpPort}`, '--transport', 'tcp', '--address', 'q', '--password', canary]).code).toBe(2);
  });
});

describe('landscape probe for the AMQP template pathway', () => {
  it('runs the AMQP planner with the vault credential and the modelled CI keystore', async () => {
    const l = services.landscapes.create({ templateId: 'amqp-receiver', name: 'AMQP CLI' });
    const cred = await services.vault.create({ kind: 'basic', label: 'amqp cli', meta: { user: 'ci-user' }, secret: { password: canary } });
    services.landscapes.updatePathway(l.id, l.pathways[0]!.id, { endpoint: `127.0.0.1:${broker.tlsPort}`, credentialId: cred.id, amqp: { transport: 'tcp', tls: true, address: '/amq/queue/orders' } });
    const root = new X509Certificate(pki.root.certPem);
    services.landscapes.update(l.id, { ciKeystore: [{ alias: 'root', kind: 'certificate', pem: pki.root.certPem, fingerprintSha256: root.fingerprint256 }] });
    let stdout = '';
    const code = await runCli(['probe', '--landscape', 'AMQP CLI', '--pathway', '1', '--json'], { stdout: (t) => void (stdout += t), stderr: () => undefined, env: {}, readStdin: async () => '' }, () => services);
    const json = JSON.parse(stdout);
    const result = Array.isArray(json) ? json[0] : json;
    expect(result.kind).toBe('amqp');
    expect(result.verdict).toBe('passed');
    expect(result.facts.amqpLink).toBe('sender');
    expect(code).toBe(0);
    expect(stdout).not.toContain(canary);

    // The broker → CI direction (the AMQP sender adapter: CI consumes) probes with a receiver link.
    const broker2 = l.systems.find((x) => x.kind === 'amqp-broker')!;
    services.landscapes.addPathway(l.id, { from: broker2.id, to: 'tenant', protocol: 'amqp', adapter: 'amqp', auth: 'plain', credentialId: cred.id, endpoint: `127.0.0.1:${broker.tlsPort}`, amqp: { transport: 'tcp', tls: true, address: '/amq/queue/orders' } });
    const inbound = await probeJson(['probe', '--landscape', 'AMQP CLI', '--pathway', '2', '--json']);
    expect(inbound.result.verdict).toBe('passed');
    expect(inbound.result.facts.amqpLink).toBe('receiver');
    expect(inbound.result.facts.amqpMessagesDelivered).toBe(0);
  });

  it('a pathway without a queue or topic is refused before any connection, naming the field', async () => {
    const l = services.landscapes.create({ templateId: 'amqp-receiver', name: 'AMQP no address' });
    services.landscapes.updatePathway(l.id, l.pathways[0]!.id, { endpoint: `127.0.0.1:${broker.amqpPort}`, auth: 'none', amqp: { transport: 'tcp', tls: false } });
    const { code, result } = await probeJson(['probe', '--landscape', 'AMQP no address', '--pathway', '1', '--json']);
    expect(code).toBe(1);
    expect(result.findings.map((f: { code: string; field?: string }) => [f.code, f.field])).toContainEqual(['amqp.address-missing', 'address']);
    expect(result.steps.map((s: { id: string }) => s.id)).not.toContain('connect');
  });
});

async function probeJson(argv: string[]) {
  let stdout = '';
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: () => undefined, env: {}, readStdin: async () => '' }, () => services);
  const json = JSON.parse(stdout);
  return { code, result: Array.isArray(json) ? json[0] : json };
}
