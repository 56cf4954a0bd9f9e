/**
 * From a modelled mail pathway to a ProbeJob: the server from the endpoint (or the receiver's host;
 * port 465 for SMTPS, 587 otherwise), the pathway's Protection, Authentication (None / Plain /
 * Encrypted User/Password) with the User Credentials from the vault, the optional From/To check,
 * and trust predicted against the landscape's modelled CI keystore.
 */
import { diagnose } from '../../../../shared/probe/diagnosis';
import type { ProbeJob } from '../engine-types';
import { failingRunner, pathwayRoute, type PathwayPlanner } from '../pathway-plan';
import { ProbeFailure } from '../probe-failure';
import { landscapeTrust } from '../probe-material';
import { targetOf } from '../sftp/sftp-plan';
import type { SmtpAuthMode } from './smtp-auth';
import { createSmtpRunner } from './smtp-runner';

export const planSmtpProbe: PathwayPlanner = (l, p, deps): ProbeJob => {
  const protection = p.smtp?.protection ?? 'starttls-mandatory';
  const base = { kind: 'smtp' as const, landscapeId: l.id, pathwayNumber: p.number, deadlineMs: p.probe?.deadlineMs };
  const target = targetOf(l, p, protection === 'smtps' ? 465 : 587);
  if ('error' in target) {
    return {
      ...base,
      target: { host: '', port: 0 },
      runner: failingRunner('model.endpoint-invalid', { detail: target.error }),
    };
  }
  const auth: SmtpAuthMode = p.auth === 'plain' || p.auth === 'encrypted' ? p.auth : 'none';
  return {
    ...base,
    target,
    runner: async (ctx) => {
      const route = await pathwayRoute(ctx, l, p, target, deps);
      const cred = await ctx.step('credentials', 'Read the credential from the vault', async (mark) => {
        if (auth === 'none') {
          mark.skip('authentication None');
          return undefined;
        }
        if (!p.credentialId) throw new ProbeFailure(diagnose('model.credential-missing', { detail: 'no user and password are linked to the pathway' }));
        try {
          const meta = await deps.vault.get(p.credentialId);
          const secret = await deps.vault.readSecret(p.credentialId);
          if (!meta.user || secret.password === undefined) throw new Error('incomplete');
          mark.detail(`user ${meta.user}`);
          return { user: meta.user, password: secret.password };
        } catch (e) {
          if (e instanceof ProbeFailure) throw e;
          throw new ProbeFailure(diagnose('model.credential-missing', { detail: 'the credential has no user and password' }));
        }
      });
      await createSmtpRunner({
        ...target,
        protection,
        route,
        trust: landscapeTrust(l, 'outbound'),
        auth,
        ...cred,
        ...(p.smtp?.from ? { from: p.smtp.from } : {}),
        ...(p.smtp?.to ? { to: p.smtp.to } : {}),
        now: deps.now,
      })(ctx);
    },
  };
};
