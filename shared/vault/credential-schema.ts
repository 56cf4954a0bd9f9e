/**
 * The zod schema of credential metadata. Strict on purpose: an unknown key is refused, so no
 * caller can slip a secret into the metadata document under a new name.
 */
import * as z from 'zod';
import { CREDENTIAL_KINDS } from './credential-kinds';

const text = (max: number) => z.string().max(max);

export const credentialFingerprintsSchema = z.strictObject({
  sha256: text(200).optional(),
  ssh: text(200).optional(),
  publicKeySha256: text(200).optional(),
  pgp: text(200).optional(),
});

/** The fields a caller may set (everything but id, kind and the timestamps). */
export const credentialMetaPatchSchema = z.strictObject({
  label: text(200).optional(),
  user: text(255).optional(),
  clientId: text(1024).optional(),
  tokenUrl: text(2048).optional(),
  url: text(2048).optional(),
  subject: text(2048).optional(),
  issuer: text(2048).optional(),
  notAfter: text(64).optional(),
  fingerprints: credentialFingerprintsSchema.optional(),
  certificateChainPem: z.array(text(32_768)).max(20).optional(),
  publicKey: text(16_384).optional(),
  keyAlgorithm: text(64).optional(),
});

export const credentialMetaSchema = credentialMetaPatchSchema.extend({
  id: z.string().regex(/^cred-[a-z0-9]{8,40}$/),
  kind: z.enum(CREDENTIAL_KINDS),
  label: z.string().min(1).max(200),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const credentialsDocumentSchema = z.strictObject({
  version: z.literal(1),
  /** Namespaces this data directory's keychain entries, so two data directories never collide. */
  vaultId: z.string().regex(/^[a-z0-9]{8,40}$/).optional(),
  credentials: z.array(credentialMetaSchema),
});

export type CredentialsDocument = z.infer<typeof credentialsDocumentSchema>;
