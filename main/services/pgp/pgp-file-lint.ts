/**
 * Lint of a keyring FILE before it is uploaded to CI: what the upload itself refuses (wrong file
 * format, a secret keyring offered as public keys or the other way round, unprotected secret keys,
 * keys under different passphrases) with CI's literal messages, and every key finding.
 */
import * as openpgp from 'openpgp';
import { finding } from '../../../shared/certs/finding';
import { keyName, lintKeyringUserIds, lintPgpKey, WHERE_CI_PGP, type PgpFinding } from '../../../shared/pgp/pgp-lint';
import type { PgpKeySummary } from '../../../shared/pgp/pgp-types';
import { AppError } from '../../../shared/result';
import { readKeyring } from './pgp-codec';
import { keyFacts } from './pgp-facts';

export const CI_INVALID_KEY_TYPE = 'The key type you try to upload is invalid.';
export const CI_INVALID_PASSPHRASE = 'Invalid passphrase.';
export const CI_INVALID_FORMAT = 'File upload impossible due to invalid file format. Select one of the supported file formats.';

const WHERE_EXPORT = 'Export again with landscape pgp export-public / export-secret';

export async function lintKeyringFile(input: { data: Uint8Array | string; as?: 'public' | 'secret'; passphrase?: string; now: Date }): Promise<PgpFinding[]> {
  let ring;
  try {
    ring = await readKeyring(input.data);
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    return [{ ...finding('pgp-file-format', 'error', `${e.message} CI answers: "${CI_INVALID_FORMAT}"`, 'Upload a .asc (armored) or .gpg (binary) keyring exported by gpg or this app.', WHERE_EXPORT), literal: CI_INVALID_FORMAT } as PgpFinding];
  }
  const as = input.as ?? (ring.kind === 'public' ? 'public' : 'secret');
  const out: PgpFinding[] = [];
  const literal = (f: PgpFinding, text: string) => ({ ...f, literal: text }) as PgpFinding;
  if (as === 'public' && ring.kind !== 'public') {
    out.push(literal(finding('pgp-keyring-mixed-up', 'error', `This file holds secret keys but is meant for Add → Public Keys: CI answers "${CI_INVALID_KEY_TYPE}" (and a partner must never get your secret key).`, 'Export the public keyring (landscape pgp export-public) and upload that under Public Keys.', WHERE_CI_PGP), CI_INVALID_KEY_TYPE));
  }
  if (as === 'secret' && ring.kind === 'public') {
    out.push(literal(finding('pgp-keyring-mixed-up', 'error', `This file holds only public keys but is meant for Add → Secret Keys: CI answers "${CI_INVALID_KEY_TYPE}".`, 'Upload it under Public Keys, or export the secret keyring (landscape pgp export-secret) for Secret Keys.', WHERE_CI_PGP), CI_INVALID_KEY_TYPE));
  }
  const secretKeys = ring.keys.filter((k): k is openpgp.PrivateKey => k.isPrivate());
  for (const k of secretKeys) {
    const facts = keyFacts(k);
    if (facts.protected === false) {
      out.push(finding('pgp-secret-unprotected', 'error', 'The secret key has no passphrase: CI refuses unprotected secret keys.', 'Export it with landscape pgp export-secret, which protects every key with one passphrase.', WHERE_EXPORT, keyName(facts)));
    }
  }
  if (input.passphrase !== undefined && secretKeys.length > 0) {
    const refused = [];
    for (const k of secretKeys) {
      if (k.isDecrypted()) continue;
      try {
        await openpgp.decryptKey({ privateKey: k, passphrase: input.passphrase });
      } catch {
        refused.push(keyName(keyFacts(k)));
      }
    }
    if (refused.length > 0) {
      out.push(literal(finding('pgp-passphrase-mismatch', 'error', `The passphrase does not open ${refused.join(', ')}: CI answers "${CI_INVALID_PASSPHRASE}" (every key of a secret keyring must share one passphrase).`, 'Export the secret keyring again with landscape pgp export-secret: it sets the same passphrase on every key.', WHERE_EXPORT), CI_INVALID_PASSPHRASE));
    }
  } else if (secretKeys.length > 1) {
    out.push(finding('pgp-passphrase-unchecked', 'info', 'Without the passphrase the lint cannot tell whether every secret key shares it (CI requires that).', 'Run the lint again with --passphrase-env VAR.', WHERE_EXPORT));
  }
  const summaries: PgpKeySummary[] = ring.keys.map((k) => ({ ...keyFacts(k), label: keyFacts(k).primaryUserId || keyFacts(k).keyId, role: as === 'public' ? 'partner' : 'own', addedAt: '' }));
  for (const s of summaries) out.push(...lintPgpKey({ ...s, protected: true }, input.now));
  out.push(...lintKeyringUserIds(summaries, as));
  return out;
}
