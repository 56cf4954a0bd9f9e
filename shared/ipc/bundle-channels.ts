/**
 * Bundles: moving landscapes and their secrets to another laptop in one age-encrypted file.
 * Export writes only ciphertext, to a path chosen in the save dialog. Import is two steps: `open`
 * decrypts and validates in main and answers with a preview (conflicts by label and fingerprint,
 * never a secret) under a token; `apply` writes everything or nothing with the user's choices.
 */
import * as z from 'zod';
import type { CredentialKind } from '../vault/credential-kinds';
import type { FileCredentialRef } from '../landscape/landscape-file';
import { channel } from './define';

export interface BundleIdentity {
  /** This installation's age recipient (public): what a colleague encrypts to. */
  recipient: string;
  createdAt: string;
  /** The previous private key was not in this keychain: a new identity was made. */
  replaced?: true;
}

export const CONFLICT_CHOICES = ['keep-both', 'replace', 'skip'] as const;
export type ConflictChoice = (typeof CONFLICT_CHOICES)[number];

export interface BundleCredentialPreview {
  /** Stable within one opened bundle: the key choices are given under. */
  key: string;
  label: string;
  kind: CredentialKind;
  fingerprint?: string;
  /** new: nothing like it here; same: identical credential here (reused); conflict: a choice is needed. */
  status: 'new' | 'same' | 'conflict';
  /** The credential here it collides with (conflict) or equals (same). */
  local?: { label: string; kind: CredentialKind; fingerprint?: string };
  /** Why it conflicts, in words (same label, same key under another label, …). */
  reason?: string;
  /** Choices that cannot work for this conflict (e.g. replace across kinds). */
  notAllowed?: ConflictChoice[];
}

export interface BundleLandscapePreview {
  key: string;
  name: string;
  customer: string;
  systems: number;
  pathways: number;
  status: 'new' | 'conflict';
  reason?: string;
}

export interface BundlePreview {
  token: string;
  createdAt: string;
  encryptedWith: 'recipient' | 'passphrase';
  landscapes: BundleLandscapePreview[];
  credentials: BundleCredentialPreview[];
  conflicts: number;
}

export interface BundleApplied {
  /** `replacedId`: the landscape that was here under that name and is gone now. */
  landscapes: Array<{ name: string; id?: string; replacedId?: string; action: 'created' | 'replaced' | 'skipped' }>;
  credentials: Array<{ label: string; action: 'created' | 'replaced' | 'reused' | 'skipped' }>;
  /** References no credential in the bundle or here answers: the pathway keeps no credential until relinked. */
  unresolved: FileCredentialRef[];
  /** The PGP keys the bundle carried: new here, already here, or a stored public key that got its secret half. */
  pgpKeys?: Array<{ label: string; action: 'created' | 'reused' | 'secret-added' }>;
}

export interface BundleExported {
  path: string;
  bytes: number;
  landscapes: string[];
  credentials: number;
  encryptedWith: 'recipient' | 'passphrase';
  /**
   * Only when the app generated the passphrase: it stays in main (ten minutes, never stored) and
   * this token lets the user show it once ('bundles:reveal-passphrase', an explicit act like a
   * credential's reveal) or copy it from main (cleared from the clipboard after 30 s).
   */
  passphraseToken?: string;
  /** Credential ids the landscapes name that this vault does not hold (exported without them). */
  unlinked: string[];
}

const absolutePath = z
  .string()
  .min(1)
  .max(4096)
  .refine((p) => p.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\'), 'must be an absolute path');
const token = z.string().regex(/^[a-f0-9]{32}$/);

export const bundleKeySchema = z.union([
  z.strictObject({ recipient: z.string().trim().min(1).max(200) }),
  z.strictObject({ passphrase: z.string().min(1).max(1000) }),
  z.strictObject({ generatePassphrase: z.literal(true) }),
]);

export const bundleChannels = {
  'bundles:identity': channel<BundleIdentity>()('bundleIdentity', z.undefined()),
  'bundles:export': channel<BundleExported>()(
    'exportBundle',
    z.strictObject({ landscapeIds: z.array(z.string().min(1).max(100)).min(1).max(100), path: absolutePath, key: bundleKeySchema }),
  ),
  /** The one bundle response that carries a secret: the generated passphrase, shown once. */
  'bundles:reveal-passphrase': channel<{ passphrase: string }>()('revealBundlePassphrase', z.strictObject({ passphraseToken: token })),
  'bundles:copy-passphrase': channel<{ clearAfterSeconds: number }>()('copyBundlePassphrase', z.strictObject({ passphraseToken: token })),
  'bundles:open': channel<BundlePreview>()('openBundle', z.strictObject({ path: absolutePath, passphrase: z.string().min(1).max(1000).optional() })),
  'bundles:apply': channel<BundleApplied>()(
    'applyBundle',
    z.strictObject({ token, choices: z.record(z.string().max(20), z.enum(CONFLICT_CHOICES)).default({}) }),
  ),
  'bundles:discard': channel<{ discarded: boolean }>()('discardBundle', z.strictObject({ token })),
} as const;
