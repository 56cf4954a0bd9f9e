import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProbeEngine } from '../../../main/services/probes/engine';
import { ProbeFailure } from '../../../main/services/probes/probe-failure';
import { createRedactor, silentLogger } from '../../../main/services/logger';
import { diagnose } from '../../../shared/probe/diagnosis';
import type { ProbeProgress } from '../../../shared/probe/probe-types';

const engine = () => createProbeEngine({ redactor: createRedactor(), log: silentLogger });
const target = { host: 'peer.example', port: 443 };
let unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);
beforeEach(() => {
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => void process.off('unhandledRejection', onUnhandled));

describe('probe engine', () => {
  it('emits steps as they happen and passes a clean probe', async () => {
    const events: ProbeProgress[] = [];
    const r = await engine().run(
      {
        kind: 'tls',
        target,
        runner: async (ctx) => {
          await ctx.step('connect', 'Connect', async (m) => m.detail('ok'));
          await ctx.step('tls', 'TLS', async () => ctx.fact('tlsProtocol', 'TLSv1.3'));
        },
      },
      { onProgress: (p) => events.push(p) },
    );
    expect(r.verdict).toBe('passed');
    expect(r.steps.map((s) => `${s.id}:${s.status}`)).toEqual(['connect:ok', 'tls:ok']);
    expect(events.map((e) => (e.step ? `${e.step.id}:${e.step.status}` : 'result'))).toEqual(['connect:running', 'connect:ok', 'tls:running', 'tls:ok', 'result']);
    expect(events.at(-1)?.result?.probeId).toBe(r.probeId);
  });

  it('derives warning and failed from findings and failed steps', async () => {
    const warn = await engine().run({ kind: 'tls', target, runner: async (ctx) => ctx.finding(diagnose('tls.sha1', { subject: 's' })) });
    expect(warn.verdict).toBe('warning');
    const fail = await engine().run({ kind: 'tls', target, runner: async () => { throw new ProbeFailure(diagnose('net.refused', target)); } });
    expect(fail.verdict).toBe('failed');
    expect(fail.findings.map((f) => f.code)).toEqual(['net.refused']);
  });

  it('explains a raw error instead of passing it through', async () => {
    const r = await engine().run({
      kind: 'tls',
      target,
      runner: async (ctx) => ctx.step('connect', 'Connect', async () => { throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }); }),
    });
    expect(r.verdict).toBe('failed');
    expect(r.findings[0]?.code).toBe('net.refused');
    expect(r.findings[0]?.message).toContain('peer.example:443');
    expect(r.steps[0]?.status).toBe('failed');
  });

  it('ends at the deadline with timed-out even if the runner never returns, and aborts its signal', async () => {
    let aborted = false;
    const r = await engine().run({
      kind: 'tls',
      target,
      deadlineMs: 150,
      runner: (ctx) => ctx.step('tls', 'TLS handshake', () => new Promise(() => { ctx.signal.addEventListener('abort', () => (aborted = true)); })),
    });
    expect(r.verdict).toBe('timed-out');
    expect(aborted).toBe(true);
    expect(r.steps[0]).toMatchObject({ status: 'failed' });
    expect(r.findings[0]).toMatchObject({ code: 'probe.timed-out' });
    expect(r.findings[0]?.message).toContain('TLS handshake');
  });

  it('cancels, and a runner rejecting after the end is never an unhandled rejection', async () => {
    const controller = new AbortController();
    const running = engine().run({
      kind: 'tls',
      target,
      runner: (ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => setTimeout(() => reject(new Error('late')), 20))),
    }, { signal: controller.signal });
    setTimeout(() => controller.abort(), 30);
    const r = await running;
    expect(r.verdict).toBe('cancelled');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(unhandled).toEqual([]);
  });

  it('redacts registered secrets from transcript, steps, findings and facts', async () => {
    const canary = 'canary-Secret-4711';
    const r = await engine().run({
      kind: 'https',
      target,
      runner: async (ctx) => {
        ctx.secret(canary);
        ctx.log(`Authorization uses ${canary}`);
        ctx.fact('note', `x${canary}x`);
        await ctx.step('auth', 'Auth', async (m) => m.warn(`got ${canary}`));
        ctx.finding({ ...diagnose('probe.unexpected', { detail: canary }) });
      },
    });
    expect(JSON.stringify(r)).not.toContain(canary);
    expect(r.transcript.join('\n')).toContain('[redacted]');
  });
});
