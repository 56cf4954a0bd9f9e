/**
 * Message-level checks with stored keys: sign a test message as CI's PGP Signer/Encryptor would
 * with our key, and read a message a partner encrypted for us (what CI's PGP Decryptor will do),
 * verifying the sender's signature when a partner key is named. The plaintext never leaves main:
 * the check reports its size and SHA-256.
 */
import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import { looksArmored } from '../../../shared/pgp/armor';
import { AppError } from '../../../shared/result';
import type { PgpKeyring } from './pgp-keyring';

export interface DecryptCheck {
  decrypted: true;
  bytes: number;
  sha256: string;
  /** The key ID the message was encrypted for that matched one of ours. */
  keyIds: string[];
  decryptedWith: string;
  signature: 'valid' | 'invalid' | 'absent' | 'not-checked';
  signedBy?: string;
}

async function readMessage(data: Uint8Array | string): Promise<openpgp.Message<Uint8Array>> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  try {
    return looksArmored(bytes)
      ? ((await openpgp.readMessage({ armoredMessage: new TextDecoder().decode(bytes) })) as unknown as openpgp.Message<Uint8Array>)
      : await openpgp.readMessage({ binaryMessage: bytes });
  } catch {
    throw new AppError('PGP_UNREADABLE', 'Not a readable PGP message (.asc / .pgp / .gpg).', 'file');
  }
}

export function createPgpMessages(deps: { keyring: PgpKeyring }) {
  return {
    /** Signs `data` with an own key: an inline signed message, or a detached signature. Armored. */
    async sign(input: { label: string; data: Uint8Array; detached?: boolean }): Promise<{ armored: string; keyId: string }> {
      const { key, summary } = await deps.keyring.privateKey(input.label);
      const message = await openpgp.createMessage({ binary: input.data });
      const armored = (await openpgp.sign({ message, signingKeys: key, detached: !!input.detached, format: 'armored' })) as string;
      return { armored, keyId: summary.keyId };
    },

    /** Decrypts with whichever own key the message names; with `verifyWith`, checks the signature too. */
    async decryptCheck(input: { data: Uint8Array | string; verifyWith?: string }): Promise<DecryptCheck> {
      const message = await readMessage(input.data);
      const wanted = message.getEncryptionKeyIDs().map((id) => id.toHex().toUpperCase());
      if (wanted.length === 0) throw new AppError('PGP_NOT_ENCRYPTED', 'The message is not encrypted to a public key.', 'file');
      const own = (await deps.keyring.list()).filter((k) => k.role === 'own' && [k.keyId, ...k.subkeys.map((s) => s.keyId)].some((id) => wanted.includes(id)));
      if (own.length === 0) {
        throw new AppError('PGP_NO_MATCHING_KEY', `The message is encrypted for key ID ${wanted.join(', ')}, which is none of your secret keys: CI's PGP Decryptor would fail the same way.`, 'file');
      }
      const { key } = await deps.keyring.privateKey(own[0]!.label);
      const verifier = input.verifyWith ? await openpgp.readKey({ armoredKey: (await deps.keyring.resolve(input.verifyWith, 'verifyWith')).entry.publicKey }) : undefined;
      let result;
      try {
        result = await openpgp.decrypt({ message, decryptionKeys: key, format: 'binary', ...(verifier ? { verificationKeys: verifier } : {}) });
      } catch (e) {
        throw new AppError('PGP_DECRYPT_FAILED', `The message could not be decrypted (${(e as Error).message.slice(0, 120)}).`, 'file');
      }
      const plain = result.data as Uint8Array;
      let signature: DecryptCheck['signature'] = verifier ? 'absent' : 'not-checked';
      let signedBy: string | undefined;
      if (verifier && result.signatures.length > 0) {
        const sig = result.signatures[0]!;
        signedBy = sig.keyID.toHex().toUpperCase();
        signature = await sig.verified.then(() => 'valid' as const, () => 'invalid' as const);
      }
      return {
        decrypted: true,
        bytes: plain.length,
        sha256: createHash('sha256').update(plain).digest('hex'),
        keyIds: wanted,
        decryptedWith: own[0]!.label,
        signature,
        ...(signedBy ? { signedBy } : {}),
      };
    },
  };
}
