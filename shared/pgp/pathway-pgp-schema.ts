/**
 * A pathway's message-level security (CI's PGP steps), secret-free: keys are referenced by their
 * OpenPGP fingerprint, which is the same on every laptop, so a landscape file carries it as it is.
 * Outbound, CI encrypts for the receiver (`encrypt`) and signs with our key (`sign`); inbound, CI
 * decrypts what the sender encrypted for us (`encrypt`) and verifies the sender's signature (`sign`).
 */
import * as z from 'zod';

const fingerprint = z.string().regex(/^[0-9a-f]{40}$/, 'a 40-digit lower-case hex OpenPGP fingerprint');

export const pathwayPgpSchema = z.object({
  encrypt: z.boolean().default(true),
  sign: z.boolean().default(true),
  /** Our key: its secret half goes to the tenant's secret keyring. */
  ownKey: fingerprint.optional(),
  /** The partner's key: its public half goes to the tenant's public keyring. */
  partnerKey: fingerprint.optional(),
  /** Typed into the PGP Encryptor's / Signer's "Signer User ID(s)" (outbound signing). */
  ownUserId: z.string().max(300).optional(),
  /** Outbound: the Encryptor's "Encryption Key User ID"; inbound: the Decryptor's "Signer User ID(s) of Sender". */
  partnerUserId: z.string().max(300).optional(),
});
export type PathwayPgp = z.infer<typeof pathwayPgpSchema>;
