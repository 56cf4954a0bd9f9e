/**
 * The vault's IPC channels. Responses carry metadata only; the one exception is
 * `credentials:reveal`, the user's explicit act. Secrets travel renderer → main (a typed password),
 * never back, and a generated password stays in main (the renderer holds only its generatedId).
 */
import * as z from 'zod';
import { channel } from './define';
import { PASSWORD_CLASSES, USER_CREDENTIALS_MAX_LENGTH } from '../vault/password-rules';
import type { CredentialMeta } from '../vault/credential-kinds';
import type {
  CopiedSecret,
  CredentialList,
  GeneratedPassword,
  RepairReport,
  RevealedSecret,
  ServiceKeyImportResult,
  Orphan,
} from '../vault/credential-responses';

const id = z.string().min(1).max(100);
const label = z.string().trim().min(1).max(200);
const httpsUrl = z.string().max(2048).regex(/^https:\/\//i, 'must be an https:// URL');
const generatedId = z.string().regex(/^gen-[0-9a-f]{16}$/);

/** A typed secret, or the id of a password generated in main — exactly one of them. */
const basicRequest = z
  .object({
    label,
    user: z.string().trim().min(1).max(255),
    password: z.string().min(1).max(USER_CREDENTIALS_MAX_LENGTH).optional(),
    generatedId: generatedId.optional(),
  })
  .refine((r) => Boolean(r.password) !== Boolean(r.generatedId), { message: 'give a password or a generatedId', path: ['password'] });

const passphraseRequest = z
  .object({ label, passphrase: z.string().min(1).max(1024).optional(), generatedId: generatedId.optional() })
  .refine((r) => Boolean(r.passphrase) !== Boolean(r.generatedId), { message: 'give a passphrase or a generatedId', path: ['passphrase'] });

export const credentialChannels = {
  'credentials:list': channel<CredentialList>()('listCredentials', z.undefined()),
  'credentials:get': channel<CredentialMeta>()('getCredential', z.object({ id })),
  'credentials:create-basic': channel<CredentialMeta>()('createBasicCredential', basicRequest),
  'credentials:create-oauth-client': channel<CredentialMeta>()(
    'createOAuthClientCredential',
    z.object({ label, clientId: z.string().trim().min(1).max(1024), tokenUrl: httpsUrl, url: httpsUrl.optional(), clientSecret: z.string().min(1).max(4096) }),
  ),
  'credentials:create-keystore-passphrase': channel<CredentialMeta>()('createKeystorePassphraseCredential', passphraseRequest),
  'credentials:update': channel<CredentialMeta>()(
    'updateCredential',
    z.object({
      id,
      label: label.optional(),
      user: z.string().trim().max(255).optional(),
      clientId: z.string().trim().max(1024).optional(),
      tokenUrl: httpsUrl.optional(),
      url: httpsUrl.optional(),
      /** Replaces the kind's main secret field (password, clientSecret, passphrase …). */
      newSecret: z.string().min(1).max(65_536).optional(),
      generatedId: generatedId.optional(),
    }),
  ),
  'credentials:remove': channel<{ removed: string }>()('removeCredential', z.object({ id })),
  'credentials:reveal': channel<RevealedSecret>()('revealCredential', z.object({ id })),
  'credentials:copy': channel<CopiedSecret>()('copyCredential', z.object({ id, field: z.string().max(64).optional() })),
  'credentials:generate-password': channel<GeneratedPassword>()(
    'generatePassword',
    z.object({ length: z.number().int().min(4).max(USER_CREDENTIALS_MAX_LENGTH).optional(), classes: z.array(z.enum(PASSWORD_CLASSES)).min(1).max(4).optional() }).optional(),
  ),
  'credentials:import-service-key': channel<ServiceKeyImportResult>()(
    'importServiceKey',
    z.union([
      z.object({ text: z.string().min(2).max(200_000), label: label.optional() }),
      z.object({ path: z.string().min(1).max(4096), label: label.optional() }),
    ]),
  ),
  'credentials:orphans': channel<{ orphans: Orphan[] }>()('findCredentialOrphans', z.undefined()),
  'credentials:repair': channel<RepairReport>()(
    'repairCredentialOrphans',
    z.object({
      orphans: z
        .array(z.object({ kind: z.enum(['secret-without-metadata', 'metadata-without-secret', 'secret-unreadable', 'stray-blob']), id: z.string().min(1).max(200) }))
        .min(1)
        .max(500),
    }),
  ),
} as const;
