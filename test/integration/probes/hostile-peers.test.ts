/**
 * Peers that misbehave: every probe ends by its deadline (+10 %), with the right verdict, and leaves
 * no socket open on either side.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { createTlsRunner } from '../../../main/services/probes/tls-probe';
import { createRedactor, silentLogger } from '../../../main/services/logger';
import { startHostilePeer, type HostileKind, type HostilePeer } from '../../peers/hostile';

const DEADLINE = 800;
const engine = createProbeEngine({ redactor: createRedactor(), log: silentLogger });
const peers = new Map<HostileKind, HostilePeer>();
const clientSockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap' || r === 'TLSWrap').length;
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  for (const k of ['silent', 'trickle', 'garbage', 'endless', 'close-mid-handshake'] as const) peers.set(k, await startHostilePeer(k));
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  for (const p of peers.values()) await p.stop();
});

async function settle(peer: HostilePeer): Promise<void> {
  for (let i = 0; i < 100 && (peer.openSockets() > 0 || clientSockets() > 0); i++) await new Promise((r) => setTimeout(r, 20));
}

async function probe(kind: HostileKind) {
  const peer = peers.get(kind)!;
  const host = '127.0.0.1';
  const started = Date.now();
  const result = await engine.run({
    kind: 'tls',
    target: { host, port: peer.port },
    deadlineMs: DEADLINE,
    runner: createTlsRunner({ host, port: peer.port, route: { kind: 'direct' }, trust: { local: [], localRole: 'laptop' } }),
  });
  const elapsed = Date.now() - started;
  await settle(peer);
  return { result, elapsed, peerSockets: peer.openSockets(), clientSockets: clientSockets() };
}

describe('hostile peers', () => {
  it.each(['silent', 'trickle', 'endless'] as const)('%s peer: timed-out within the deadline, nothing left open', async (kind) => {
    const { result, elapsed, peerSockets, clientSockets: open } = await probe(kind);
    expect(result.verdict).toBe('timed-out');
    expect(result.findings.map((f) => f.code)).toContain('probe.timed-out');
    expect(elapsed).toBeLessThanOrEqual(DEADLINE * 1.1);
    expect(peerSockets).toBe(0);
    expect(open).toBe(0);
  });

  it('garbage peer: failed as "not TLS", explained', async () => {
    const { result, peerSockets, clientSockets: open } = await probe('garbage');
    expect(result.verdict).toBe('failed');
    expect(result.findings[0]?.code).toBe('net.not-tls');
    expect(result.findings[0]?.fix).toMatch(/port/);
    expect(peerSockets).toBe(0);
    expect(open).toBe(0);
  });

  it('peer closing mid-handshake: failed as a reset during the TLS handshake', async () => {
    const { result, peerSockets } = await probe('close-mid-handshake');
    expect(result.verdict).toBe('failed');
    expect(result.findings[0]?.code).toBe('net.reset');
    expect(result.findings[0]?.message).toContain('TLS handshake');
    expect(peerSockets).toBe(0);
  });

  it('no unhandled rejection from any of them', () => expect(unhandled).toEqual([]));
});
