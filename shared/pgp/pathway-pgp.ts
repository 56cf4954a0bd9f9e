/**
 * What a pathway's PGP settings mean, per direction: which operations CI performs, which keyring
 * each key goes to (tenant vs partner), which user ID is typed into which PGP step, and the steps
 * for the handover. Pure; the keys themselves are looked up by the caller where facts are needed.
 */
import type { Direction } from '../landscape/vocabulary';
import type { PathwayPgp } from './pathway-pgp-schema';

export type { PathwayPgp };

export interface PgpRoles {
  /** CI encrypts for the partner (outbound) — the partner's public key on the tenant. */
  encryptForPartner: boolean;
  /** CI signs with our key (outbound) — our secret key on the tenant. */
  signWithOwn: boolean;
  /** CI decrypts with our key (inbound) — our secret key on the tenant, our public key at the sender. */
  decryptWithOwn: boolean;
  /** CI verifies the sender's signature (inbound) — the partner's public key on the tenant. */
  verifyPartner: boolean;
}

export function pgpRoles(pgp: PathwayPgp, direction: Direction): PgpRoles {
  const out = direction === 'outbound';
  return { encryptForPartner: out && pgp.encrypt, signWithOwn: out && pgp.sign, decryptWithOwn: !out && pgp.encrypt, verifyPartner: !out && pgp.sign };
}

/** Which keys the tenant needs, and which of ours the partner needs. */
export function pgpNeeds(pgp: PathwayPgp, direction: Direction) {
  const r = pgpRoles(pgp, direction);
  return {
    tenantPublic: r.encryptForPartner || r.verifyPartner,
    tenantSecret: r.signWithOwn || r.decryptWithOwn,
    /** The partner needs our public key: to verify our signature, or to encrypt for us. */
    partnerGetsOurPublic: r.signWithOwn || r.decryptWithOwn,
    /** We need the partner's public key. */
    weNeedPartnerPublic: r.encryptForPartner || r.verifyPartner,
  };
}

/** The key ID CI lists (the low 64 bits of a v4 fingerprint), upper-case. */
export function keyIdOf(fingerprint: string | undefined): string {
  return fingerprint ? fingerprint.slice(-16).toUpperCase() : '(no key chosen)';
}

export interface PgpStep {
  id: string;
  place: 'ci-monitor' | 'peer-system';
  title: string;
  detail: string;
}

const UPLOAD = 'Monitor → Integrations → Manage Security → PGP Keys → Add';

/** The handover steps of a pathway with PGP: the tenant's keyrings first, then the partner's side. */
export function pgpSteps(pgp: PathwayPgp | undefined, direction: Direction | undefined, peer: string): PgpStep[] {
  if (!pgp || !direction || (!pgp.encrypt && !pgp.sign)) return [];
  const r = pgpRoles(pgp, direction);
  const n = pgpNeeds(pgp, direction);
  const partnerUid = pgp.partnerUserId ? `"${pgp.partnerUserId}"` : '(not set yet)';
  const ownUid = pgp.ownUserId ? `"${pgp.ownUserId}"` : '(not set yet)';
  const steps: PgpStep[] = [];
  if (n.tenantPublic) {
    const uses = [
      r.encryptForPartner && `PGP Encryptor → Encryption Key User ID: ${partnerUid}`,
      r.verifyPartner && `PGP Decryptor → Signatures: Required, Signer User ID(s) of Sender: ${partnerUid}`,
    ].filter(Boolean);
    steps.push({
      id: 'ci-pgp-public-keyring',
      place: 'ci-monitor',
      title: `PGP public keyring: ${peer}'s key ${keyIdOf(pgp.partnerKey)}`,
      detail: `${UPLOAD} → Public Keys with the file from landscape pgp export-public (Add; Add with Overwrite Existing Keys for a renewed key). In the iFlow: ${uses.join('; ')}.`,
    });
  }
  if (n.tenantSecret) {
    const uses = [
      r.signWithOwn && `PGP Encryptor (Signed and Encrypted) or PGP Signer → Signer User ID(s): ${ownUid}`,
      r.decryptWithOwn && 'PGP Decryptor finds the key by key ID: no user ID to type',
    ].filter(Boolean);
    steps.push({
      id: 'ci-pgp-secret-keyring',
      place: 'ci-monitor',
      title: `PGP secret keyring: our key ${keyIdOf(pgp.ownKey)}`,
      detail: `${UPLOAD} → Secret Keys with the file from landscape pgp export-secret and its passphrase (every key in the file under that one passphrase). In the iFlow: ${uses.join('; ')}.`,
    });
  }
  if (n.partnerGetsOurPublic) {
    const why = [r.decryptWithOwn && 'encrypts its messages for it', r.signWithOwn && 'verifies our signatures with it'].filter(Boolean).join(' and ');
    steps.push({ id: 'peer-pgp-our-public-key', place: 'peer-system', title: `Our PGP public key ${keyIdOf(pgp.ownKey)}`, detail: `Give ${peer} our public key only (landscape pgp export-public), never the secret keyring: ${peer} ${why}.` });
  }
  if (n.weNeedPartnerPublic) {
    const why = [r.encryptForPartner && 'CI encrypts for it (it needs an encryption subkey)', r.verifyPartner && "CI verifies the sender's signatures with it"].filter(Boolean).join(' and ');
    steps.push({ id: 'peer-pgp-their-public-key', place: 'peer-system', title: `${peer}'s PGP public key`, detail: `${peer} sends its public key (.asc or .gpg; check the fingerprint ${pgp.partnerKey ? pgp.partnerKey.toUpperCase() : ''} by phone); import it with landscape pgp import: ${why}.` });
  }
  return steps;
}
