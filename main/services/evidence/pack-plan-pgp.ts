/**
 * The PGP files of a handover pack, from the keys the pathways use (pathway.pgp, by fingerprint):
 * the tenant's public keyring (every partner key CI encrypts for or verifies with) and its secret
 * keyring (every own key CI signs or decrypts with) for CI's PGP Keys upload, and our public key
 * for each partner that encrypts for us or verifies our signatures. The secret keyring holds
 * private keys: planned, written only when ticked, locked under a passphrase kept in the vault.
 */
import type { Landscape } from '../../../shared/landscape';
import { nameOf } from '../../../shared/landscape/pathway-view';
import { deriveDirection, peerOf } from '../../../shared/landscape/protocols';
import { keyIdOf, pgpNeeds } from '../../../shared/pgp/pathway-pgp';
import type { PgpKeySummary } from '../../../shared/pgp/pgp-types';
import type { PlannedFile } from './pack-plan';
import { slug } from './pack-plan';

export const PGP_FOLDER = 'cloud-integration-pgp-keys';
const UPLOAD = 'Cloud Integration → Monitor → Manage Security → PGP Keys → Add';

interface Ring {
  keys: Map<string, PgpKeySummary>;
  pathways: Set<number>;
}

const ring = (): Ring => ({ keys: new Map(), pathways: new Set() });
const numbers = (r: Ring) => [...r.pathways].sort((a, b) => a - b);
const names = (r: Ring) => [...r.keys.values()].map((k) => `"${k.label}" (${k.keyId})`).join(', ');

export function planPgpFiles(l: Landscape, keys: PgpKeySummary[]): PlannedFile[] {
  const byFpr = new Map(keys.map((k) => [k.fingerprint, k]));
  const publicRing = ring();
  const secretRing = ring();
  const toPeers = new Map<string, Ring & { peer: string }>();
  for (const p of [...l.pathways].sort((a, b) => a.number - b.number)) {
    const direction = deriveDirection(p);
    if (!p.pgp || !direction) continue;
    const needs = pgpNeeds(p.pgp, direction);
    const partner = p.pgp.partnerKey ? byFpr.get(p.pgp.partnerKey) : undefined;
    const own = p.pgp.ownKey ? byFpr.get(p.pgp.ownKey) : undefined;
    if (needs.tenantPublic && partner) {
      publicRing.keys.set(partner.fingerprint, partner);
      publicRing.pathways.add(p.number);
    }
    // Only a key whose secret half is in this vault can go into the secret keyring.
    if (needs.tenantSecret && own?.role === 'own') {
      secretRing.keys.set(own.fingerprint, own);
      secretRing.pathways.add(p.number);
    }
    if (needs.partnerGetsOurPublic && own) {
      const peer = nameOf(l, peerOf(p));
      const entry = toPeers.get(peer) ?? { ...ring(), peer };
      entry.keys.set(own.fingerprint, own);
      entry.pathways.add(p.number);
      toPeers.set(peer, entry);
    }
  }
  const files: PlannedFile[] = [];
  if (publicRing.keys.size) {
    files.push({ path: `${PGP_FOLDER}/public-keyring.asc`, place: `${UPLOAD} → Public Keys`, purpose: `The tenant's PGP public keyring: ${names(publicRing)}. Add (Add with Overwrite Existing Keys for a renewed key); Replace would drop every key not in this file`, confidential: false, pathways: numbers(publicRing), content: { type: 'pgp-public', fingerprints: [...publicRing.keys.keys()] } });
  }
  if (secretRing.keys.size) {
    files.push({ path: `${PGP_FOLDER}/secret-keyring.asc`, place: `${UPLOAD} → Secret Keys`, purpose: `The tenant's PGP secret keyring: ${names(secretRing)}, every key under one passphrase that is in the vault, never in the pack`, confidential: true, pathways: numbers(secretRing), content: { type: 'pgp-secret', fingerprints: [...secretRing.keys.keys()] } });
  }
  for (const { peer, ...r } of toPeers.values()) {
    const ids = [...r.keys.values()].map((k) => keyIdOf(k.fingerprint)).join('-');
    files.push({ path: `${slug(peer)}/pgp-public-key-${ids}.asc`, place: peer, purpose: `Our PGP public key ${names(r)}: ${peer} encrypts for it or verifies our signatures with it (never the secret keyring)`, confidential: false, pathways: numbers(r), content: { type: 'pgp-public', fingerprints: [...r.keys.keys()] } });
  }
  return files;
}
