/**
 * Keys, CSRs and pairing the CA's answer with its waiting key.
 */
import type { CredentialMeta } from '../../../shared/vault/credential-kinds';
import { AppError } from '../../../shared/result';
import { lintCertificate } from '../../../shared/certs/lint-certificate';
import { lintChain } from '../../../shared/certs/lint-chain';
import { readCertificates, type ParsedCert } from './cert-read';
import { orderChain } from './chain-order';
import { createCsr, type CsrInput } from './csr';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { generateKey, publicKeySha256, type KeyType } from './key-pairs';
import type { OrderedChain } from './chain-order';
import { resolveCredential, type PairingResult } from './material-types';
import type { CsrResult } from '../../../shared/certs/material-responses';
import type { LandscapesPort, VaultPort } from './vault-port';

export interface KeyServiceDeps {
  vault: VaultPort;
  landscapes: LandscapesPort;
  now: () => Date;
}

export function createKeyService(deps: KeyServiceDeps) {
  const { vault } = deps;

  async function landscapeCas(landscape?: string): Promise<ParsedCert[]> {
    if (!landscape) return [];
    const l = deps.landscapes.get(landscape);
    return l.caCertificates.flatMap((c) => readCertificates(c.pem));
  }

  /** Stores the certificate with its key as a client certificate, replacing the waiting key pair. */
  async function storePaired(keyMeta: CredentialMeta, privateKeyPem: string, chain: ParsedCert[]): Promise<CredentialMeta> {
    const leaf = chain[0]!.facts;
    const meta = {
      subject: leaf.subject,
      issuer: leaf.issuer,
      notAfter: leaf.notAfter,
      fingerprints: { ...keyMeta.fingerprints, sha256: leaf.fingerprintSha256, publicKeySha256: leaf.publicKeySha256 },
      certificateChainPem: chain.map((c) => c.pem),
      ...(keyMeta.publicKey ? { publicKey: keyMeta.publicKey } : {}),
      ...(keyMeta.keyAlgorithm ? { keyAlgorithm: keyMeta.keyAlgorithm } : {}),
    };
    // The waiting key pair becomes the client certificate in place (the vault's one allowed kind
    // change), so pathways that already point at its id stay linked.
    return vault.update(keyMeta.id, { kind: 'client-certificate', meta });
  }

  function pairingResult(credential: CredentialMeta, ordered: OrderedChain): PairingResult {
    const facts = ordered.chain.map((c) => c.facts);
    const result: PairingResult = {
      credential,
      chain: ordered.chain.map((c) => ({ facts: c.facts, pem: c.pem })),
      complete: ordered.complete,
      unused: ordered.unused.map((c) => c.facts.subject),
      findings: [...lintCertificate(facts[0]!, { now: deps.now(), role: 'client', requireCaSigned: true }), ...lintChain(facts)],
    };
    if (ordered.missingIssuer) result.missingIssuer = ordered.missingIssuer;
    return result;
  }

  return {
    async createKeyPair(input: { type: KeyType; label: string }): Promise<CredentialMeta> {
      const key = await generateKey(input.type);
      return vault.create({
        kind: 'key-pair',
        label: input.label,
        meta: { publicKey: key.publicKeyPem, keyAlgorithm: input.type, fingerprints: { publicKeySha256: key.publicKeySha256 } },
        secret: { privateKeyPem: key.privateKeyPem },
      });
    },

    async createCsr(input: CsrInput & { key: string }): Promise<CsrResult> {
      const meta = await resolveCredential(vault, input.key, ['key-pair', 'client-certificate']);
      const { privateKeyPem } = await vault.readSecret(meta.id);
      const csrPem = await createCsr(privateKeyPem as string, input);
      return { csrPem, keyId: meta.id, label: meta.label };
    },

    /** Pairs a CA answer (PEM, DER, PKCS#7, bundle) with the key in the vault that it certifies. */
    async pairCertificate(input: { data: string | Uint8Array; key?: string; landscape?: string }): Promise<PairingResult> {
      const certs = readCertificates(input.data);
      const candidates = (await vault.list()).filter((c) => (c.kind === 'key-pair' || c.kind === 'client-certificate') && c.fingerprints?.publicKeySha256);
      const wanted = input.key ? await resolveCredential(vault, input.key, ['key-pair', 'client-certificate']) : undefined;
      let leaf: ParsedCert | undefined;
      let keyMeta: CredentialMeta | undefined;
      for (const cert of certs) {
        const match = candidates.find((c) => c.fingerprints?.publicKeySha256 === cert.facts.publicKeySha256 && (!wanted || c.id === wanted.id));
        if (match) {
          leaf = cert;
          keyMeta = match;
          break;
        }
      }
      if (!leaf || !keyMeta) {
        const what = wanted ? `the key "${wanted.label}"` : 'any key in the vault';
        throw new AppError('KEY_NOT_IN_VAULT', `Refused: the certificate "${certs[0]!.facts.subject}" does not belong to ${what}. Import it together with its private key (PEM or PKCS#12) instead.`, 'certificate');
      }
      const pool = [...certs.filter((c) => c !== leaf), ...(await landscapeCas(input.landscape))];
      const ordered = orderChain(leaf, pool);
      const { privateKeyPem } = await vault.readSecret(keyMeta.id);
      return pairingResult(await storePaired(keyMeta, privateKeyPem as string, ordered.chain), ordered);
    },

    /** Stores an existing certificate with its private key (already decrypted) as a client certificate. */
    async storeCertificateWithKey(input: { label: string; privateKeyPem: string; certs: ParsedCert[]; landscape?: string }): Promise<PairingResult> {
      const keyHash = publicKeySha256(createPublicKey(createPrivateKey(input.privateKeyPem)));
      const leaf = input.certs.find((c) => c.facts.publicKeySha256 === keyHash);
      if (!leaf) throw new AppError('KEY_MISMATCH', 'The private key does not belong to any certificate in the file: nothing was imported.', 'key');
      const ordered = orderChain(leaf, [...input.certs.filter((c) => c !== leaf), ...(await landscapeCas(input.landscape))]);
      const l = ordered.chain[0]!.facts;
      const credential = await vault.create({
        kind: 'client-certificate',
        label: input.label,
        meta: {
          subject: l.subject,
          issuer: l.issuer,
          notAfter: l.notAfter,
          keyAlgorithm: l.keyAlgorithm === 'RSA' ? `rsa-${l.keyBits}` : l.keyAlgorithm === 'EC' ? 'ec-p256' : l.keyAlgorithm.toLowerCase(),
          fingerprints: { sha256: l.fingerprintSha256, publicKeySha256: l.publicKeySha256 },
          certificateChainPem: ordered.chain.map((c) => c.pem),
        },
        secret: { privateKeyPem: input.privateKeyPem },
      });
      return pairingResult(credential, ordered);
    },

  };
}

export type KeyService = ReturnType<typeof createKeyService>;
