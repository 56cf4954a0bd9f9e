/**
 * The material a pathway's probe uses, read from the model and the vault: the trust sets (OS +
 * landscape CAs; the modelled CI keystore) and the credential in the shape the HTTPS probe needs.
 * Inbound pathways use the service key's credentials (Basic = clientid/clientsecret); outbound ones
 * the material CI will hold (User Credentials, the key pair under the pathway's keystore alias).
 */
import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';
import type { Landscape, Pathway } from '../../../shared/landscape';
import { diagnose } from '../../../shared/probe/diagnosis';
import { isAppError } from '../../../shared/result';
import type { CredentialMeta, SecretPayload } from '../../../shared/vault/credential-kinds';
import type { HttpsAuth } from './https-probe';
import type { Route } from './net/route';
import { ProbeFailure } from './probe-failure';
import type { TrustSets } from './tls/assess-chain';
import { parsePemBundle } from './tls/certificates';

export interface VaultReader {
  get(id: string): Promise<CredentialMeta>;
  readSecret(id: string): Promise<SecretPayload>;
}

let osRoots: X509Certificate[] | undefined;

export function osTrust(): X509Certificate[] {
  osRoots ??= rootCertificates.map((pem) => new X509Certificate(pem));
  return osRoots;
}

export function landscapeTrust(l: Pick<Landscape, 'caCertificates' | 'ciKeystore'>, direction: 'inbound' | 'outbound'): TrustSets {
  const local = [...osTrust(), ...l.caCertificates.flatMap((c) => parsePemBundle(c.pem))];
  if (direction === 'inbound') return { local, localRole: 'sender' };
  const ciKeystore = l.ciKeystore.filter((e) => e.kind === 'certificate' && e.pem).flatMap((e) => parsePemBundle(e.pem as string));
  return { local, localRole: 'info', ciKeystore };
}

function credentialIdFor(l: Landscape, p: Pathway): string | undefined {
  if (p.auth === 'client-certificate' && p.keystoreAlias) {
    const entry = l.ciKeystore.find((e) => e.alias.toLowerCase() === p.keystoreAlias?.toLowerCase() && e.kind === 'key-pair');
    if (entry?.credentialId) return entry.credentialId;
  }
  return p.credentialId;
}

async function read(vault: VaultReader, id: string | undefined, what: string): Promise<{ meta: CredentialMeta; secret: SecretPayload }> {
  if (!id) throw new ProbeFailure(diagnose('model.credential-missing', { detail: `no ${what} is linked to the pathway` }));
  try {
    return { meta: await vault.get(id), secret: await vault.readSecret(id) };
  } catch (e) {
    const detail = isAppError(e) ? e.message : `the ${what} could not be read`;
    throw new ProbeFailure(diagnose('model.credential-missing', { detail }));
  }
}

export async function readHttpsAuth(
  l: Landscape,
  p: Pathway,
  vault: VaultReader,
  tokenRoute: (target: { host: string; port: number }) => Promise<Route>,
  trust: TrustSets,
): Promise<HttpsAuth> {
  const id = credentialIdFor(l, p);
  if (p.auth === 'basic') {
    const { meta, secret } = await read(vault, id, 'user and password');
    const password = secret.password ?? secret.clientSecret ?? secret.clientsecret;
    const user = meta.user ?? meta.clientId;
    if (!password || !user) throw new ProbeFailure(diagnose('model.credential-missing', { detail: 'the credential has no user and password' }));
    return { kind: 'basic', user, password };
  }
  if (p.auth === 'client-certificate') {
    const { meta, secret } = await read(vault, id, 'client certificate');
    const keyPem = secret.privateKeyPem;
    const chainPem = (meta.certificateChainPem ?? []).join('\n');
    if (!keyPem || !chainPem) throw new ProbeFailure(diagnose('model.credential-missing', { detail: 'the key pair has no private key or no certificate' }));
    return { kind: 'client-certificate', certificate: { keyPem, chainPem, ...(secret.passphrase ? { passphrase: secret.passphrase } : {}) } };
  }
  if (p.auth === 'oauth2-client-credentials') {
    const { meta, secret } = await read(vault, id, 'OAuth2 client');
    const clientSecret = secret.clientSecret ?? secret.clientsecret;
    const tokenUrl = meta.tokenUrl || l.tenant.tokenUrl;
    if (!clientSecret || !meta.clientId || !tokenUrl) {
      throw new ProbeFailure(diagnose('model.credential-missing', { detail: 'the OAuth2 client needs a client id, a secret and a token URL' }));
    }
    let host = '';
    let port = 443;
    try {
      const u = new URL(tokenUrl);
      host = u.hostname.replace(/^\[|\]$/g, '');
      port = Number(u.port || (u.protocol === 'http:' ? 80 : 443));
    } catch {
      throw new ProbeFailure(diagnose('model.endpoint-invalid', { detail: `token URL ${tokenUrl}` }));
    }
    return { kind: 'oauth2-client-credentials', tokenUrl, clientId: meta.clientId, clientSecret, route: await tokenRoute({ host, port }), trust: { ...trust, local: trust.local } };
  }
  return { kind: 'none' };
}
