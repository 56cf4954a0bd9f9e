/**
 * PGP lint: the key mistakes that break PGP steps in Cloud Integration iFlows. Pure over the keys'
 * public facts; the file checks (keyring mixed up, unprotected, passphrases) live in main, which
 * can read the packets. Codes are stable; messages say what CI will do and the fix where to make it.
 */
import { finding, type CertFinding } from '../certs/finding';
import { PGP_CRITICAL_DAYS, type PgpKeyFacts, type PgpKeySummary } from './pgp-types';
import { formatDate } from '../format/date-format';

export const WHERE_APP = 'Certificates → PGP keys (this app)';
export const WHERE_CI_PGP = 'Cloud Integration: Monitor → Integrations → Manage Security → PGP Keys';
export const WHERE_PARTNER = 'The partner (ask for a new public key)';

const DAY = 86_400_000;

export type PgpFinding = CertFinding & { key?: string };

function withKey(f: CertFinding, key: string): PgpFinding {
  return { ...f, key };
}

/** The key ID as CI lists it, for messages. */
export const keyName = (k: Pick<PgpKeyFacts, 'keyId' | 'primaryUserId'>) => `${k.primaryUserId || '(no user ID)'} [${k.keyId}]`;

/** The keys able to encrypt: the primary or any subkey that may, is not revoked and not expired. */
export function encryptionKeysOf(k: PgpKeyFacts, now: Date): PgpKeyFacts['subkeys'] {
  const alive = (e: string | null, revoked: boolean) => !revoked && (e === null || Date.parse(e) > now.getTime());
  const subs = k.subkeys.filter((s) => s.canEncrypt && alive(s.expires, s.revoked));
  return subs;
}

function hasEncryptionKey(k: PgpKeyFacts, now: Date): boolean {
  const primaryOk = k.canEncrypt && !k.revoked && (k.expires === null || Date.parse(k.expires) > now.getTime());
  return primaryOk || encryptionKeysOf(k, now).length > 0;
}

/** Findings about one key on its own. `role` says how it is used: a partner's key must encrypt. */
export function lintPgpKey(k: PgpKeyFacts & { label?: string; role?: 'own' | 'partner' }, now: Date): PgpFinding[] {
  const out: CertFinding[] = [];
  const s = keyName(k);
  const role = k.role ?? (k.hasSecretKey ? 'own' : 'partner');
  const renew = role === 'own' ? 'Create a new key (landscape pgp new), export both keyrings again and give the partner the new public key.' : 'Ask the partner for a renewed public key (or an extended expiry) and import it.';
  const where = role === 'own' ? WHERE_APP : WHERE_PARTNER;
  if (k.revoked) out.push(finding('pgp-revoked', 'error', 'The key is revoked: Cloud Integration cannot use it.', renew, where, s));
  if (k.expires !== null) {
    const left = Date.parse(k.expires) - now.getTime();
    if (left <= 0) {
      out.push(finding('pgp-expired', 'error', `Expired on ${formatDate(k.expires)}: CI shows Validity State "Expired" and PGP steps using it fail.`, renew, where, s));
    } else if (left <= PGP_CRITICAL_DAYS * DAY) {
      out.push(finding('pgp-expiring', 'warning', `Expires in ${Math.ceil(left / DAY)} day(s), on ${formatDate(k.expires)}: CI shows Validity State "Critical".`, renew, where, s));
    }
  }
  for (const sub of k.subkeys) {
    if (sub.canEncrypt && sub.expires !== null && !sub.revoked && Date.parse(sub.expires) <= now.getTime() && (k.expires === null || Date.parse(k.expires) > now.getTime())) {
      out.push(finding('pgp-subkey-expired', 'warning', `Encryption subkey ${sub.keyId} expired on ${formatDate(sub.expires)}.`, renew, where, s));
    }
  }
  if (!hasEncryptionKey(k, now)) {
    out.push(
      role === 'partner'
        ? finding('pgp-no-encryption-key', 'error', 'No valid encryption-capable key or subkey: the PGP Encryptor cannot encrypt for this partner.', 'Ask the partner for a public key with an encryption subkey (RSA or Elgamal), then import it.', WHERE_PARTNER, s)
        : finding('pgp-no-encryption-key', 'warning', 'No valid encryption-capable key or subkey: partners cannot encrypt messages for you, so the PGP Decryptor has nothing to decrypt with.', 'Create an RSA key with this app (it always adds an encryption subkey).', WHERE_APP, s),
    );
  }
  if (role === 'own' && !k.canSign && !k.subkeys.some((x) => x.canSign && !x.revoked)) {
    out.push(finding('pgp-no-signing-key', 'warning', 'No signing-capable key: the PGP Signer cannot sign with it.', 'Create an RSA key with this app.', WHERE_APP, s));
  }
  out.push(...algorithmFindings(k, s, where));
  if (role === 'own' && k.hasSecretKey && k.protected === false) {
    out.push(finding('pgp-secret-unprotected', 'warning', 'The secret key has no passphrase. CI refuses unprotected secret keys; exports from this app always protect it with the export passphrase.', 'Export the secret keyring with landscape pgp export-secret (it sets one passphrase on every key).', WHERE_APP, s));
  }
  return out.map((f) => withKey(f, k.label ?? k.keyId));
}

function algorithmFindings(k: PgpKeyFacts, s: string, where: string): CertFinding[] {
  const out: CertFinding[] = [];
  const all = [{ family: k.family, bits: k.bits, algorithm: k.algorithm, canSign: k.canSign }, ...k.subkeys];
  if (all.some((x) => x.family === 'ecc')) {
    out.push(finding('pgp-ec-key', 'warning', `Elliptic-curve key material (${all.filter((x) => x.family === 'ecc').map((x) => x.algorithm).join(', ')}): SAP documents RSA and DSA/Elgamal for CI's PGP steps, not EC.`, 'Use an RSA 2048–4096 key (SAP\'s guide uses RSA 2048) unless you have tested EC on the tenant.', where, s));
  }
  if (k.family === 'elgamal') {
    out.push(finding('pgp-elgamal-primary', 'error', 'The primary key is Elgamal, which can only encrypt: it cannot certify its own user IDs or sign.', 'Use a key with an RSA or DSA primary key.', where, s));
  }
  const dsa = all.filter((x) => x.family === 'dsa');
  if (dsa.some((x) => (x.bits ?? 0) < 2048)) {
    out.push(finding('pgp-dsa-small', 'warning', `DSA ${dsa.map((x) => x.bits).join('/')} bits: DSA-1024 signs with 160-bit hashes only and is deprecated (RFC 9580 forbids new DSA keys).`, 'Replace it with an RSA 3072 key; until then CI can still verify its signatures.', where, s));
  }
  if (dsa.length > 0 || all.some((x) => x.family === 'elgamal')) {
    out.push(finding('pgp-dsa-elgamal', 'info', 'DSA signs only and Elgamal encrypts only: CI accepts the pair (signing RSA/DSA, encryption RSA/Elgamal), but neither can do the other\'s job, and RFC 9580 deprecates both.', 'Plan a move to RSA; make sure the DSA key is only used to sign and the Elgamal subkey only to encrypt.', where, s));
  }
  const rsaSmall = all.filter((x) => x.family === 'rsa' && (x.bits ?? 0) < 2048);
  if (rsaSmall.length > 0) {
    out.push(finding('pgp-rsa-small', 'error', `RSA key of ${rsaSmall.map((x) => x.bits).join('/')} bits; at least 2048 are needed.`, 'Create or ask for an RSA 2048–4096 key.', where, s));
  }
  return out;
}

/** The e-mail address in a user ID, if it has one. */
export function emailOf(userId: string): string | undefined {
  const m = /<([^<>@\s]+@[^<>\s]+)>/.exec(userId) ?? /^([^<>@\s]+@[^<>\s]+)$/.exec(userId.trim());
  return m?.[1];
}

/** CI (Camel's PGP data format) takes every key with a user ID CONTAINING the value, case-sensitively. */
export function keysMatchingUserId<K extends Pick<PgpKeyFacts, 'userIds'>>(keys: K[], value: string): K[] {
  if (!value) return [];
  return keys.filter((k) => k.userIds.some((u) => u.includes(value)));
}

/**
 * The keyring-level check without any pathway: a key whose user ID or e-mail, typed as the natural
 * value into a PGP step, would also pick another key of the same keyring.
 */
export function lintKeyringUserIds(keys: PgpKeySummary[], ring: 'public' | 'secret'): PgpFinding[] {
  const out: PgpFinding[] = [];
  const ringName = ring === 'public' ? 'public keyring' : 'secret keyring';
  for (const k of keys) {
    const values = [...new Set([k.primaryUserId, emailOf(k.primaryUserId)].filter((v): v is string => !!v))];
    for (const value of values) {
      const others = keysMatchingUserId(keys, value).filter((o) => o.fingerprint !== k.fingerprint);
      if (others.length === 0) continue;
      out.push({
        ...finding(
          'pgp-userid-ambiguous',
          'warning',
          `"${value}" typed as the user ID in a PGP step would also pick ${others.map((o) => `"${o.label}" (${o.primaryUserId})`).join(', ')} from the ${ringName}: CI uses every key whose user ID contains the value.`,
          `Type a value only "${k.label}" contains (its full user ID, if unique), or keep the other key out of this tenant's ${ringName}.`,
          WHERE_CI_PGP,
          keyName(k),
        ),
        key: k.label,
      });
      break;
    }
  }
  return out;
}

export function countFindings(findings: CertFinding[]): { errors: number; warnings: number } {
  return { errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length };
}
