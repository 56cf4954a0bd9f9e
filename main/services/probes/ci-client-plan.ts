/**
 * What the FTP, mailbox (IMAP / POP3) and AMQP planners share: the target from the endpoint (or the
 * peer's host, with the protocol's default port), On-Premise pathways reported as not probed from
 * the laptop, the route step, and the user and password read from the vault when the pathway
 * authenticates. CI is the client on all of them, so trust is always the modelled CI keystore's.
 */
import { checkPathway, type Landscape, type Pathway } from '../../../shared/landscape';
import { diagnose } from '../../../shared/probe/diagnosis';
import type { ProbeContext, ProbeJob } from './engine-types';
import type { Route } from './net/route';
import { failingRunner, pathwayRoute, type PlanDeps } from './pathway-plan';
import { ProbeFailure } from './probe-failure';
import { landscapeTrust } from './probe-material';
import { targetOf } from './sftp/sftp-plan';
import type { TrustSets } from './tls/assess-chain';

export interface CiClientRun {
  host: string;
  port: number;
  route: Route;
  trust: TrustSets;
  user?: string;
  password?: string;
}

export interface CiClientPlan {
  kind: 'ftp' | 'imap' | 'pop3' | 'amqp';
  defaultPort: number;
  /** Whether the pathway's authentication needs a user and password from the vault. */
  authenticates: boolean;
  run(ctx: ProbeContext, at: CiClientRun): Promise<void>;
}

async function readUserPassword(ctx: ProbeContext, p: Pathway, deps: PlanDeps, authenticates: boolean): Promise<{ user?: string; password?: string }> {
  return ctx.step('credentials', 'Read the credential from the vault', async (mark) => {
    if (!authenticates) {
      mark.skip(`authentication ${p.auth === 'none' ? 'None' : p.auth}`);
      return {};
    }
    if (!p.credentialId) throw new ProbeFailure(diagnose('model.credential-missing', { detail: 'no user and password are linked to the pathway' }));
    try {
      const meta = await deps.vault.get(p.credentialId);
      const secret = await deps.vault.readSecret(p.credentialId);
      if (!meta.user || secret.password === undefined) throw new Error('incomplete');
      ctx.secret(secret.password);
      mark.detail(`user ${meta.user}`);
      return { user: meta.user, password: secret.password };
    } catch {
      throw new ProbeFailure(diagnose('model.credential-missing', { detail: 'the credential has no user and password' }));
    }
  });
}

export function planCiClientProbe(l: Landscape, p: Pathway, deps: PlanDeps, plan: CiClientPlan): ProbeJob {
  const base = { kind: plan.kind, landscapeId: l.id, pathwayNumber: p.number, deadlineMs: p.probe?.deadlineMs };
  const target = targetOf(l, p, plan.defaultPort);
  if ('error' in target) return { ...base, target: { host: '', port: 0 }, runner: failingRunner('model.endpoint-invalid', { detail: target.error }) };
  if (p.proxy.type === 'on-premise') {
    return {
      ...base,
      target,
      runner: async (ctx) => {
        await ctx.step('route', 'Route through the Cloud Connector', async (mark) => mark.skip('On-Premise pathways cannot be probed from the laptop'));
        ctx.finding(diagnose('onprem.not-probed', { checked: 'the address and the location ID against the Cloud Connector rules' }));
        for (const f of checkPathway(l, p)) ctx.finding(f);
      },
    };
  }
  return {
    ...base,
    target,
    runner: async (ctx) => {
      const route = await pathwayRoute(ctx, l, p, target, deps);
      const cred = await readUserPassword(ctx, p, deps, plan.authenticates);
      await plan.run(ctx, { ...target, route, trust: landscapeTrust(l, 'outbound'), ...cred });
    },
  };
}
