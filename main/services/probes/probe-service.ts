/**
 * `services.probes`: probe one pathway, all pathways of a landscape (bounded concurrency), or a bare
 * host:port (TLS); cancel one or all; history and edge states. Start returns at once with the probe
 * ids; steps and the final result arrive through `onProgress` (the IPC layer forwards them).
 */
import { randomUUID } from 'node:crypto';
import type { Landscape, LaptopRoute, Pathway } from '../../../shared/landscape';
import { edgeState, type EdgeState } from '../../../shared/probe/edge-state';
import { parseTarget } from '../../../shared/probe/probe-target';
import type { ProbeProgress, ProbeResult, RoutePreview } from '../../../shared/probe/probe-types';
import { AppError } from '../../../shared/result';
import type { ProbeEngine } from './engine';
import type { ProbeJob, ProbeRunner } from './engine-types';
import { planHttpsProbe, unsupportedProtocol, type PathwayPlanner, type PlanDeps } from './pathway-plan';
import { DEFAULT_CONCURRENCY, runPool } from './probe-pool';
import type { HistoryEntry, ProbeHistory } from './probe-history';
import { createHistoryBatch } from './history-batch';
import { osTrust } from './probe-material';
import { describeRoute } from './net/route';
import { routeStep } from './net/route-step';
import { createPacEvaluator } from '../network/pac-evaluator';
import { vaultProxyCredential } from '../network/proxy-credential';
import { RouteFailure } from '../network/route-failure';
import { createRouteResolver } from '../network/route-resolver';
import { diagnose } from '../../../shared/probe/diagnosis';
import { createTlsRunner } from './tls-probe';
import { parsePemBundle } from './tls/certificates';
import type { TrustSets } from './tls/assess-chain';
import type { TlsClientProfile } from './tls/client-profile';

export interface ProbeServiceDeps extends PlanDeps {
  engine: ProbeEngine;
  history: ProbeHistory;
  landscapes: { get(ref: string): Landscape };
  /** Extra planners by protocol (the SFTP and SMTP probes register here). */
  planners?: Partial<Record<Pathway['protocol'], PathwayPlanner>>;
  concurrency?: number;
}

export interface RunOptions {
  /** This run's route choice, over the landscape's setting (a pathway's manual proxy still wins). */
  route?: LaptopRoute;
}

export type ProgressListener = (p: ProbeProgress) => void;

export interface Started {
  probeId: string;
  pathwayNumber?: number;
  done: Promise<ProbeResult>;
}

export function createProbeService(deps: ProbeServiceDeps) {
  const active = new Map<string, AbortController>();
  const planners: Partial<Record<Pathway['protocol'], PathwayPlanner>> = { https: planHttpsProbe, ...deps.planners };
  const historyBatch = createHistoryBatch(deps.history);
  const routes = deps.routes ?? createRouteResolver({ env: deps.env, pac: createPacEvaluator(), readCredential: vaultProxyCredential(deps.vault) });
  deps = { ...deps, routes };

  function launch(job: ProbeJob, onProgress: ProgressListener, record?: { landscapeId: string; pathwayNumber: number }): Started {
    const probeId = randomUUID();
    const controller = new AbortController();
    active.set(probeId, controller);
    const done = deps.engine.run(job, { probeId, signal: controller.signal, onProgress }).then((result) => {
      active.delete(probeId);
      if (record) deps.history.record(record.landscapeId, record.pathwayNumber, result);
      return result;
    });
    return { probeId, done, ...(record ? { pathwayNumber: record.pathwayNumber } : {}) };
  }

  function jobFor(l: Landscape, p: Pathway, route?: LaptopRoute): ProbeJob {
    const planner = planners[p.protocol];
    return planner ? planner(l, p, route ? { ...deps, routeOverride: route } : deps) : unsupportedProtocol(l, p);
  }

  function pathwayOf(l: Landscape, n: number): Pathway {
    const p = l.pathways.find((x) => x.number === n);
    if (!p) throw new AppError('NOT_FOUND', `Landscape "${l.name}" has no pathway ${n}.`, 'pathwayNumber');
    return p;
  }

  return {
    /** `opts.route`: this run's route choice (the CLI's --proxy / --pac) over the landscape's setting. */
    start(landscapeRef: string, pathwayNumber: number, onProgress: ProgressListener, opts: RunOptions = {}): Started {
      const l = deps.landscapes.get(landscapeRef);
      return launch(jobFor(l, pathwayOf(l, pathwayNumber), opts.route), onProgress, { landscapeId: l.id, pathwayNumber });
    },
    /** Every pathway at once, at most `concurrency` in flight; queued ones wait for a free slot. */
    startAll(landscapeRef: string, onProgress: ProgressListener, opts: RunOptions = {}): { runId: string; probes: Started[]; done: Promise<ProbeResult[]> } {
      const l = deps.landscapes.get(landscapeRef);
      const pathways = [...l.pathways].sort((a, b) => a.number - b.number);
      const slots = pathways.map(() => deferred());
      const probes = pathways.map((p, i) => launchGated(jobFor(l, p, opts.route), slots[i]!.promise, onProgress, { landscapeId: l.id, pathwayNumber: p.number }));
      const done = runPool(probes, deps.concurrency ?? DEFAULT_CONCURRENCY, async (x, i) => {
        slots[i]!.resolve();
        return x.done;
      });
      return { runId: randomUUID(), probes, done };
    },
    /**
     * A bare host:port as one TLS client: `sender` (default) trusts the OS store plus `caPem`; `ci`
     * trusts only `caPem`, the keystore as Cloud Integration would hold it, and judges as JSSE.
     */
    tls(target: string, caPem: string, onProgress: ProgressListener, deadlineMs?: number, opts: RunOptions & { as?: TlsClientProfile } = {}): Started {
      const parsed = parseTarget(target, 443);
      if ('error' in parsed) throw new AppError('INVALID_TARGET', parsed.error, 'target');
      const trust: TrustSets =
        opts.as === 'ci'
          ? { local: [], localRole: 'info', ciKeystore: parsePemBundle(caPem), profile: 'ci' }
          : { local: [...osTrust(), ...parsePemBundle(caPem)], localRole: 'laptop', profile: 'sender' };
      const at = { host: parsed.host, port: parsed.port };
      const runner: ProbeRunner = async (ctx) => {
        const route = await routeStep(ctx, () => routes.resolve(at, opts.route ?? { mode: 'system' }, 'command line'));
        await createTlsRunner({ ...at, route, trust, reducedFromUrl: parsed.reducedFromUrl, now: deps.now })(ctx);
      };
      return launch({ kind: 'tls', target: { host: parsed.host, port: parsed.port }, runner, ...(deadlineMs ? { deadlineMs } : {}) }, onProgress);
    },
    /** The number of a pathway given by number or by id (refused with the field named if unknown). */
    pathwayNumberOf(landscapeRef: string, ref: number | string): number {
      const l = deps.landscapes.get(landscapeRef);
      const p = typeof ref === 'number' ? pathwayOf(l, ref) : l.pathways.find((x) => x.id === ref);
      if (!p) throw new AppError('NOT_FOUND', `Landscape "${l.name}" has no pathway ${String(ref)}.`, 'pathwayId');
      return p.number;
    },
    cancel(probeId: string): { cancelled: boolean } {
      const c = active.get(probeId);
      c?.abort();
      return { cancelled: !!c };
    },
    cancelAll(): { cancelled: number } {
      const n = active.size;
      for (const c of active.values()) c.abort();
      return { cancelled: n };
    },
    history(landscapeRef: string, pathwayNumber: number): HistoryEntry[] {
      const l = deps.landscapes.get(landscapeRef);
      historyBatch.flush();
      return deps.history.list(l.id, pathwayNumber);
    },
    edgeStates(landscapeRef: string): Record<number, EdgeState> {
      const l = deps.landscapes.get(landscapeRef);
      historyBatch.flush();
      const all = deps.history.forLandscape(l.id);
      return Object.fromEntries(l.pathways.map((p) => [p.number, edgeState(all[p.number] ?? [], p.updatedAt, deps.now())]));
    },
    /** The route a pathway's probe would take now, without probing: the panel shows it before a run. */
    async previewRoute(landscapeRef: string, pathwayNumber: number, opts: RunOptions = {}): Promise<RoutePreview> {
      const l = deps.landscapes.get(landscapeRef);
      const p = pathwayOf(l, pathwayNumber);
      if (p.proxy.type === 'on-premise') return { route: 'not probed from the laptop (Cloud Connector)' };
      const parsed = parseTarget(p.endpoint, p.protocol === 'sftp' ? 22 : p.protocol === 'smtp' ? 25 : 443);
      if ('error' in parsed) return { route: 'unknown: the pathway has no usable address yet' };
      try {
        const r = await routes.forPathway(l, p, { host: parsed.host, port: parsed.port }, opts.route);
        return { route: describeRoute(r) };
      } catch (e) {
        if (e instanceof RouteFailure) return { route: 'cannot be decided', finding: diagnose(e.code, e.vars) };
        throw e;
      }
    },
    activeCount: () => active.size,
  };

  /** Registers the probe (so cancel-all reaches queued ones) but starts its clock only when its slot opens. */
  function launchGated(job: ProbeJob, gate: Promise<void>, onProgress: ProgressListener, record: { landscapeId: string; pathwayNumber: number }): Started {
    const probeId = randomUUID();
    const controller = new AbortController();
    active.set(probeId, controller);
    const done = gate
      .then(() => deps.engine.run(job, { probeId, signal: controller.signal, onProgress }))
      .then(async (result) => {
        active.delete(probeId);
        const written = historyBatch.record(record.landscapeId, record.pathwayNumber, result);
        // The last probe of a run has nothing to wait for: its write (and the run's done) goes now.
        if (active.size === 0) historyBatch.flush();
        await written;
        return result;
      });
    return { probeId, done, pathwayNumber: record.pathwayNumber };
  }
}

export type ProbeService = ReturnType<typeof createProbeService>;

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => {};
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
