/**
 * BTP service key import: parses the key (shared/vault/service-key.ts), creates the matching
 * credentials — an OAuth2 client for a clientid/secret key, a client certificate for a certificate
 * key — and returns what to fill on the inbound pathway as an offer (never applied silently).
 * Both credentials or none: a failure of the second removes the first.
 */
import { AppError } from '../../../shared/result';
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import { parseServiceKey } from '../../../shared/vault/service-key';
import type { InboundOffer, ServiceKeyImportResult } from '../../../shared/vault/credential-responses';
import { assertKeyMatchesCertificate, readCertificateFacts } from './certificate-facts';
import type { Vault } from './vault';

export type { InboundOffer, ServiceKeyImportResult };

export async function importServiceKey(vault: Vault, text: string, label?: string): Promise<ServiceKeyImportResult> {
  const key = parseServiceKey(text);
  const f = (name: string) => (key.wrapped ? `oauth.${name}` : name);
  const cert = key.certificatePem ? readCertificateFacts(key.certificatePem, f('certificate')) : undefined;
  if (key.privateKeyPem && key.certificatePem) assertKeyMatchesCertificate(key.privateKeyPem, key.certificatePem, f('key'));
  const base = await freeLabel(vault, label?.trim() || defaultLabel(key.clientId, key.url));
  const common = { clientId: key.clientId, tokenUrl: key.tokenUrl, url: key.url };
  const created: CredentialMeta[] = [];
  const notes: string[] = [];
  try {
    if (key.clientSecret) {
      const name = key.privateKeyPem ? await freeLabel(vault, `${base} (client secret)`) : base;
      created.push(await vault.create({ kind: 'oauth2-client', label: name, meta: common, secret: { clientSecret: key.clientSecret } }));
    }
    if (key.privateKeyPem && cert) {
      const name = key.clientSecret ? await freeLabel(vault, `${base} (client certificate)`) : base;
      created.push(
        await vault.create({
          kind: 'client-certificate',
          label: name,
          meta: {
            ...common,
            subject: cert.subject,
            issuer: cert.issuer,
            notAfter: cert.notAfter,
            fingerprints: { sha256: cert.sha256, publicKeySha256: cert.publicKeySha256 },
            certificateChainPem: cert.chainPem,
            keyAlgorithm: cert.keyAlgorithm,
          },
          secret: { privateKeyPem: key.privateKeyPem },
        }),
      );
    }
  } catch (e) {
    for (const done of created) await vault.remove(done.id).catch(() => undefined);
    throw e;
  }
  if (key.type === 'external-certificate') {
    notes.push('External-certificate key: it holds no private key. Use the key pair whose certificate you uploaded to BTP.');
  }
  if (key.plan === 'api') notes.push('This is an api-plan key (Cloud Integration APIs), not a key for calling integration flows.');
  if (cert && Date.parse(cert.notAfter) < Date.now()) notes.push(`The certificate expired on ${cert.notAfter}.`);
  return {
    type: key.type,
    plan: key.plan,
    wrapped: key.wrapped,
    created,
    offer: {
      endpointUrl: key.url,
      tokenUrl: key.tokenUrl,
      clientId: key.clientId,
      plan: key.plan,
      authentication: key.type === 'clientid-secret' ? 'oauth2-client-credentials' : 'client-certificate',
    },
    notes,
  };
}

/** "BTP <subaccount subdomain>", from the clientid (…|it-rt-<sub>!b…) or the url's first label. */
export function defaultLabel(clientId: string, url: string): string {
  const fromClient = /\|it-rt-([^!]+)!/.exec(clientId)?.[1];
  const fromUrl = /^https:\/\/([^./]+)/i.exec(url)?.[1];
  return `BTP ${fromClient ?? fromUrl ?? 'service key'}`;
}

async function freeLabel(vault: Vault, wanted: string): Promise<string> {
  if (wanted.length > 180) throw new AppError('INVALID_INPUT', 'The label is too long.', 'label');
  if (!(await vault.findByLabel(wanted))) return wanted;
  for (let n = 2; ; n++) {
    const candidate = `${wanted} (${n})`;
    if (!(await vault.findByLabel(candidate))) return candidate;
  }
}
