/**
 * From a modelled SFTP pathway to a ProbeJob: the server from the endpoint (or the receiver's host),
 * the known_hosts host CI uses (the Cloud Connector virtual host for On-Premise pathways), the
 * landscape's modelled known_hosts and confirmed pins, and the credential from the vault: User
 * Credentials for password, the key pair under the keystore alias (or the linked SSH key) for
 * public key, both for dual.
 */
import type { Landscape, Pathway } from '../../../../shared/landscape';
import { diagnose } from '../../../../shared/probe/diagnosis';
import { parseTarget } from '../../../../shared/probe/probe-target';
import type { ProbeContext, ProbeJob } from '../engine-types';
import { failingRunner, pathwayRoute, type PathwayPlanner, type PlanDeps } from '../pathway-plan';
import { openRoute, openTunnel } from '../net/connect';
import { ProbeFailure } from '../probe-failure';
import type { HostKeyService } from './host-key-service';
import { createSftpRunner } from './sftp-runner';
import type { SftpProbeOptions, SshAuthMode } from './sftp-types';

const AUTH: Record<string, SshAuthMode> = { password: 'password', 'public-key': 'publickey', dual: 'dual', none: 'none' };

export function targetOf(l: Landscape, p: Pathway, defaultPort: number): { host: string; port: number } | { error: string } {
  const text = p.endpoint.trim() || l.systems.find((s) => s.id === p.to || s.id === p.from)?.host || '';
  const t = parseTarget(text, defaultPort);
  return 'error' in t ? t : { host: t.host, port: t.port };
}

async function readCredential(deps: PlanDeps, id: string | undefined, what: string) {
  if (!id) throw new ProbeFailure(diagnose('model.credential-missing', { detail: `no ${what} is linked to the pathway` }));
  try {
    return { meta: await deps.vault.get(id), secret: await deps.vault.readSecret(id) };
  } catch {
    throw new ProbeFailure(diagnose('model.credential-missing', { detail: `the ${what} could not be read` }));
  }
}

async function readAuth(l: Landscape, p: Pathway, deps: PlanDeps, auth: SshAuthMode): Promise<Partial<SftpProbeOptions>> {
  const out: Partial<SftpProbeOptions> = { user: p.sftp?.user };
  const keyId = l.ciKeystore.find((e) => p.keystoreAlias && e.alias.toLowerCase() === p.keystoreAlias.toLowerCase())?.credentialId;
  if (auth === 'publickey' || auth === 'dual') {
    const { meta, secret } = await readCredential(deps, keyId ?? (auth === 'publickey' ? p.credentialId : undefined), 'SSH key');
    out.privateKey = secret.privateKey ?? secret.privateKeyPem;
    if (secret.passphrase) out.passphrase = secret.passphrase;
    out.user ??= meta.user;
  }
  if (auth === 'password' || auth === 'dual') {
    const { meta, secret } = await readCredential(deps, p.credentialId, 'user and password');
    out.password = secret.password;
    out.user ??= meta.user;
  }
  if (auth !== 'none' && !out.user) throw new ProbeFailure(diagnose('model.credential-missing', { detail: 'no SFTP user (pathway or credential)' }));
  return out;
}

/** The host CI writes into known_hosts: the virtual host (host[:port]) for On-Premise pathways. */
function knownHostsHostOf(p: Pathway, target: { host: string; port: number }): { host: string; port: number } {
  if (p.proxy.type !== 'on-premise' || !p.proxy.virtualHost.trim()) return target;
  const v = parseTarget(p.proxy.virtualHost, target.port);
  return 'error' in v ? target : { host: v.host, port: v.port };
}

/**
 * On-Premise: the laptop goes direct (CI reaches the server through the Cloud Connector). Otherwise
 * the route step decides; through a proxy the first tunnel is opened here (its steps shown), and a
 * second login (the ssh-rsa check) opens its own.
 */
async function sshTunnel(ctx: ProbeContext, l: Landscape, p: Pathway, target: { host: string; port: number }, deps: PlanDeps): Promise<Pick<SftpProbeOptions, 'sock' | 'openSocket'>> {
  if (p.proxy.type === 'on-premise') {
    ctx.setRoute('direct (CI reaches it through the Cloud Connector)');
    return {};
  }
  const route = await pathwayRoute(ctx, l, p, target, deps);
  if (route.kind !== 'proxy') return {};
  const sock = await openRoute(ctx, route, target.host, target.port);
  return { sock, openSocket: () => openTunnel(route, target.host, target.port, ctx.signal, (line) => ctx.log(line), (v) => ctx.secret(v)) };
}

export function createSftpPlanner(hostKeys: HostKeyService): PathwayPlanner {
  return (l, p, deps): ProbeJob => {
    const base = { kind: 'sftp' as const, landscapeId: l.id, pathwayNumber: p.number, deadlineMs: p.probe?.deadlineMs };
    const target = targetOf(l, p, 22);
    if ('error' in target) {
      return {
        ...base,
        target: { host: '', port: 0 },
        runner: failingRunner('model.endpoint-invalid', { detail: target.error }),
      };
    }
    const auth = AUTH[p.auth] ?? 'none';
    return {
      ...base,
      target,
      runner: async (ctx) => {
        const tunnel = await sshTunnel(ctx, l, p, target, deps);
        const creds = await ctx.step('credentials', 'Read the credential from the vault', async (mark) => {
          const c = await readAuth(l, p, deps, auth);
          mark.detail(`${p.auth} as ${c.user ?? '(no user)'}`);
          return c;
        });
        await createSftpRunner({
          ...target,
          knownHostsHost: knownHostsHostOf(p, target),
          knownHosts: l.knownHosts,
          findPin: (host, port, keyType) => hostKeys.findPin(l, host, port, keyType),
          observe: (seen) => hostKeys.observe(seen),
          auth,
          directory: p.sftp?.directory,
          // Writing a temporary file is a change on the customer's server: only when the pathway asks.
          writeCheck: p.sftp?.writeCheck === true,
          ...creds,
          ...tunnel,
        })(ctx);
      },
    };
  };
}
