/**
 * PGP in the landscape: attach keys to a pathway (by label → fingerprint) and lint a landscape as
 * the tenant will hold it — one public keyring (every partner key the pathways need) and one secret
 * keyring (every own key) — including the user IDs typed into the PGP steps, which CI matches by
 * substring against every key of the keyring.
 */
import { finding } from '../../../shared/certs/finding';
import type { Landscape, Pathway } from '../../../shared/landscape/landscape-schema';
import { nameOf } from '../../../shared/landscape/pathway-view';
import { deriveDirection, peerOf } from '../../../shared/landscape/protocols';
import { pgpRoles } from '../../../shared/pgp/pathway-pgp';
import { keyName, keysMatchingUserId, lintKeyringUserIds, lintPgpKey, WHERE_APP, WHERE_CI_PGP, type PgpFinding } from '../../../shared/pgp/pgp-lint';
import type { PgpKeySummary } from '../../../shared/pgp/pgp-types';
import { AppError } from '../../../shared/result';
import type { LandscapesService } from '../landscapes/landscapes-service';
import type { PgpKeyring } from './pgp-keyring';

type Finding = PgpFinding & { pathway?: number };

export interface AttachPgpInput {
  landscape: string;
  pathway: number;
  own?: string;
  partner?: string;
  ownUserId?: string;
  partnerUserId?: string;
  encrypt?: boolean;
  sign?: boolean;
}

interface Used {
  pathway: Pathway;
  number: number;
  roles: ReturnType<typeof pgpRoles>;
  own?: PgpKeySummary;
  partner?: PgpKeySummary;
}

export function createPgpLandscape(deps: { keyring: PgpKeyring; landscapes: Pick<LandscapesService, 'get' | 'updatePathway'>; now: () => Date }) {
  function pathwayOf(l: Landscape, n: number): Pathway {
    const p = l.pathways.find((x) => x.number === n);
    if (!p) throw new AppError('NOT_FOUND', `Landscape "${l.name}" has no pathway ${n}.`, 'pathway');
    return p;
  }

  function checkUserId(f: Finding[], u: Used, value: string | undefined, ring: PgpKeySummary[], target: PgpKeySummary | undefined, what: string, ringName: string) {
    const n = u.number;
    if (!value) {
      f.push({ ...finding('pgp-userid-missing', 'error', `Pathway ${n}: no ${what} is set.`, `Set it (landscape pgp attach … --${ringName === 'public keyring' ? 'partner' : 'own'}-user-id), then type the same value into the iFlow.`, WHERE_APP), pathway: n });
      return;
    }
    const hits = keysMatchingUserId(ring, value);
    if (hits.length === 0) {
      f.push({ ...finding('pgp-userid-no-match', 'error', `Pathway ${n}: ${what} "${value}" matches no key of the tenant's ${ringName}: the PGP step fails at run time.`, `Type a part of the user ID of ${target ? keyName(target) : 'the key'} (user IDs match case-sensitively).`, WHERE_CI_PGP), pathway: n });
    } else if (hits.length > 1) {
      f.push({ ...finding('pgp-userid-ambiguous', 'error', `Pathway ${n}: ${what} "${value}" matches ${hits.length} keys of the tenant's ${ringName} (${hits.map(keyName).join(', ')}): CI uses every one of them.`, 'Type a value only the intended key contains, e.g. its full user ID.', WHERE_CI_PGP), pathway: n });
    } else if (target && hits[0]!.fingerprint !== target.fingerprint) {
      f.push({ ...finding('pgp-userid-wrong-key', 'error', `Pathway ${n}: ${what} "${value}" picks ${keyName(hits[0]!)}, not the pathway's key ${keyName(target)}.`, `Type a part of "${target.primaryUserId}".`, WHERE_CI_PGP), pathway: n });
    }
  }

  return {
    async attach(input: AttachPgpInput): Promise<{ landscape: string; pathway: number; pgp: NonNullable<Pathway['pgp']> }> {
      const l = deps.landscapes.get(input.landscape);
      const p = pathwayOf(l, input.pathway);
      const prev = p.pgp;
      const own = input.own ? (await deps.keyring.resolve(input.own, 'own')).summary : undefined;
      const partner = input.partner ? (await deps.keyring.resolve(input.partner, 'partner')).summary : undefined;
      if (own && own.role !== 'own') throw new AppError('NO_SECRET_KEY', `"${own.label}" is a partner's public key; --own needs one of your keys (with its secret half).`, 'own');
      const ownKey = own?.fingerprint ?? prev?.ownKey;
      const partnerKey = partner?.fingerprint ?? prev?.partnerKey;
      // A newly chosen key brings its full primary user ID: the most specific value to type.
      const ownUserId = input.ownUserId ?? (own ? own.primaryUserId : prev?.ownUserId);
      const partnerUserId = input.partnerUserId ?? (partner ? partner.primaryUserId : prev?.partnerUserId);
      const next = {
        encrypt: input.encrypt ?? prev?.encrypt ?? true,
        sign: input.sign ?? prev?.sign ?? true,
        ...(ownKey ? { ownKey } : {}),
        ...(partnerKey ? { partnerKey } : {}),
        ...(ownUserId ? { ownUserId } : {}),
        ...(partnerUserId ? { partnerUserId } : {}),
      };
      deps.landscapes.updatePathway(l.id, p.id, { pgp: next });
      return { landscape: l.name, pathway: p.number, pgp: next };
    },

    detach(input: { landscape: string; pathway: number }): { landscape: string; pathway: number } {
      const l = deps.landscapes.get(input.landscape);
      const p = pathwayOf(l, input.pathway);
      deps.landscapes.updatePathway(l.id, p.id, { pgp: undefined });
      return { landscape: l.name, pathway: p.number };
    },

    async lintLandscape(ref: string): Promise<Finding[]> {
      const l = deps.landscapes.get(ref);
      const keys = await deps.keyring.list();
      const byFpr = new Map(keys.map((k) => [k.fingerprint, k]));
      const f: Finding[] = [];
      const used: Used[] = [];
      for (const p of [...l.pathways].sort((a, b) => a.number - b.number)) {
        const direction = deriveDirection(p);
        if (!p.pgp || !direction || (!p.pgp.encrypt && !p.pgp.sign)) continue;
        const roles = pgpRoles(p.pgp, direction);
        const u: Used = { pathway: p, number: p.number, roles };
        const peer = nameOf(l, peerOf(p));
        const needOwn = roles.signWithOwn || roles.decryptWithOwn;
        const needPartner = roles.encryptForPartner || roles.verifyPartner;
        for (const [need, fpr, side] of [[needOwn, p.pgp.ownKey, 'own'], [needPartner, p.pgp.partnerKey, 'partner']] as const) {
          if (!need) continue;
          const key = fpr ? byFpr.get(fpr) : undefined;
          if (!fpr) f.push({ ...finding('pgp-key-missing', 'error', `Pathway ${p.number}: no ${side === 'own' ? 'own key' : `key of ${peer}`} is chosen.`, `Choose it: landscape pgp attach --landscape "${l.name}" --pathway ${p.number} --${side} LABEL.`, WHERE_APP), pathway: p.number });
          else if (!key) f.push({ ...finding('pgp-key-not-stored', 'error', `Pathway ${p.number}: the ${side} key ${fpr.slice(-16).toUpperCase()} is not among your PGP keys.`, side === 'own' ? 'Import the secret key (landscape pgp import FILE --passphrase-env VAR).' : `Import ${peer}'s public key (landscape pgp import FILE).`, WHERE_APP), pathway: p.number });
          else if (side === 'own' && key.role !== 'own') f.push({ ...finding('pgp-own-key-not-secret', 'error', `Pathway ${p.number}: "${key.label}" has no secret half here, so it cannot go into the tenant's secret keyring.`, 'Import the secret key, or choose one of your own keys.', WHERE_APP), pathway: p.number });
          else if (side === 'own') u.own = key;
          else u.partner = key;
        }
        if (u.partner && roles.encryptForPartner && lintPgpKey({ ...u.partner, role: 'partner' }, deps.now()).some((x) => x.code === 'pgp-no-encryption-key')) {
          f.push({ ...finding('pgp-cannot-encrypt', 'error', `Pathway ${p.number}: ${keyName(u.partner)} has no valid encryption key: the PGP Encryptor fails.`, `Ask ${peer} for a public key with an encryption subkey.`, WHERE_APP), pathway: p.number });
        }
        if (u.own && roles.signWithOwn && !u.own.canSign && !u.own.subkeys.some((s) => s.canSign && !s.revoked)) {
          f.push({ ...finding('pgp-cannot-sign', 'error', `Pathway ${p.number}: ${keyName(u.own)} cannot sign.`, 'Choose a key that can sign (every RSA key this app makes can).', WHERE_APP), pathway: p.number });
        }
        used.push(u);
      }
      const publicRing = [...new Map(used.filter((u) => u.partner).map((u) => [u.partner!.fingerprint, u.partner!])).values()];
      const secretRing = [...new Map(used.filter((u) => u.own).map((u) => [u.own!.fingerprint, u.own!])).values()];
      for (const u of used) {
        if (u.roles.encryptForPartner || u.roles.verifyPartner) checkUserId(f, u, u.pathway.pgp!.partnerUserId, publicRing, u.partner, u.roles.encryptForPartner ? 'the Encryption Key User ID' : 'the Signer User ID of the sender', 'public keyring');
        if (u.roles.signWithOwn) checkUserId(f, u, u.pathway.pgp!.ownUserId, secretRing, u.own, 'the Signer User ID', 'secret keyring');
      }
      for (const k of publicRing) f.push(...lintPgpKey({ ...k, role: 'partner' }, deps.now()));
      for (const k of secretRing) f.push(...lintPgpKey(k, deps.now()));
      f.push(...lintKeyringUserIds(publicRing, 'public'), ...lintKeyringUserIds(secretRing, 'secret'));
      return f;
    },
  };
}
