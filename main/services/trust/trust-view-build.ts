/** Builds the Trust screen's view of a landscape from its model and the vault's public metadata. */
import type { Landscape } from '../../../shared/landscape/landscape-schema';
import type { TrustCertificate, TrustKeystoreEntry, TrustView } from '../../../shared/trust/trust-view';
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import { readCertificates } from '../material/cert-read';

function certificateOf(pem: string | undefined): TrustCertificate | undefined {
  if (!pem) return undefined;
  try {
    const f = readCertificates(pem)[0]?.facts;
    return f && { subject: f.subject, issuer: f.issuer, notAfter: f.notAfter, fingerprintSha256: f.fingerprintSha256, isCa: f.isCa, selfSigned: f.selfSigned };
  } catch {
    return undefined;
  }
}

function keyPairProblem(e: Landscape['ciKeystore'][number], meta: CredentialMeta | undefined): string | undefined {
  if (!e.credentialId) return 'No credential is linked: link the client certificate (or SSH key) this alias holds in the tenant.';
  if (!meta) return 'The linked credential is not in this laptop’s vault: link one that is, or import it in Credentials.';
  return undefined;
}

export function buildTrustView(l: Landscape, credentials: CredentialMeta[], now = new Date()): TrustView {
  const byId = new Map(credentials.map((c) => [c.id, c]));
  const expired = (c?: TrustCertificate) => (c && Date.parse(c.notAfter) < now.getTime() ? 'Expired: replace it in the tenant (Monitor → Manage Security → Keystore) and here.' : undefined);
  const keystore: TrustKeystoreEntry[] = l.ciKeystore.map((e) => {
    const pathways = l.pathways.filter((p) => p.keystoreAlias?.toLowerCase() === e.alias.toLowerCase()).map((p) => p.number);
    if (e.kind === 'certificate') {
      const certificate = certificateOf(e.pem);
      const problem = certificate ? expired(certificate) : 'No readable certificate is recorded: remove the alias and add the certificate again.';
      return { alias: e.alias, kind: e.kind, ...(certificate ? { certificate } : {}), pathways, ...(problem ? { problem } : {}) };
    }
    const meta = e.credentialId ? byId.get(e.credentialId) : undefined;
    const certificate = certificateOf(meta?.certificateChainPem?.[0]);
    const problem = keyPairProblem(e, meta) ?? expired(certificate);
    return {
      alias: e.alias,
      kind: e.kind,
      ...(certificate ? { certificate } : {}),
      ...(e.credentialId ? { credentialId: e.credentialId } : {}),
      ...(meta ? { credentialLabel: meta.label } : {}),
      pathways,
      ...(problem ? { problem } : {}),
    };
  });
  const cas = l.caCertificates.flatMap((c) => {
    const cert = certificateOf(c.pem);
    return cert ? [{ ...cert, label: c.label, fingerprintSha256: c.fingerprintSha256 || cert.fingerprintSha256 }] : [];
  });
  return { landscapeId: l.id, cas, keystore };
}
