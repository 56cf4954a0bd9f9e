/** The local test CA as vault credentials: create one, sign CSRs with it. */
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import { AppError } from '../../../shared/result';
import { readCertificates } from './cert-read';
import { resolveCredential } from './material-types';
import { createTestCaCertificate, signCsrWithTestCa } from './test-ca';
import type { VaultPort } from './vault-port';

export function createCaService(deps: { vault: VaultPort; now: () => Date }) {
  const { vault } = deps;
  return {
    async createTestCa(input: { label: string; cn?: string; days?: number }): Promise<CredentialMeta> {
      const ca = await createTestCaCertificate(input.cn ?? input.label, deps.now(), input.days);
      const facts = readCertificates(ca.certificatePem)[0]!.facts;
      return vault.create({
        kind: 'client-certificate',
        label: input.label,
        meta: {
          subject: facts.subject,
          issuer: facts.issuer,
          notAfter: facts.notAfter,
          keyAlgorithm: 'rsa-2048',
          fingerprints: { sha256: facts.fingerprintSha256, publicKeySha256: facts.publicKeySha256 },
          certificateChainPem: [ca.certificatePem],
        },
        secret: { privateKeyPem: ca.privateKeyPem },
      });
    },

    async signWithTestCa(input: { ca: string; csrPem: string; days?: number }): Promise<{ certificatePem: string; caCertificatePem: string }> {
      const meta = await resolveCredential(vault, input.ca, ['client-certificate'], 'ca');
      const caPem = meta.certificateChainPem?.[0];
      if (!caPem || !readCertificates(caPem)[0]!.facts.isCa) throw new AppError('NOT_A_CA', `"${meta.label}" is not a CA.`, 'ca');
      const { privateKeyPem } = await vault.readSecret(meta.id);
      const opts = { caPrivateKeyPem: privateKeyPem as string, caCertificatePem: caPem, csrPem: input.csrPem, now: deps.now(), ...(input.days ? { days: input.days } : {}) };
      return { certificatePem: await signCsrWithTestCa(opts), caCertificatePem: caPem };
    },
  };
}
