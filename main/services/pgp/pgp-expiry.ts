/**
 * The expiry radar's PGP source: every PGP key a landscape's pathways use, with the days left and
 * what to renew where (CI's PGP monitor turns "Critical" 14 days ahead, like the radar).
 */
import { daysLeft, levelOf, type ExpiryItem } from '../../../shared/evidence/expiry';
import { deriveDirection } from '../../../shared/landscape/protocols';
import type { ExpiryInputs } from '../evidence/expiry-collect';
import type { PgpKeySummary } from '../../../shared/pgp/pgp-types';

export function pgpExpirySource(list: () => Promise<PgpKeySummary[]>) {
  return async (input: ExpiryInputs): Promise<ExpiryItem[]> => {
    const l = input.landscape;
    const keys = new Map((await list()).map((k) => [k.fingerprint, k]));
    const uses = new Map<string, { key: PgpKeySummary; pathways: number[] }>();
    for (const p of l.pathways) {
      if (!p.pgp || !deriveDirection(p)) continue;
      for (const fpr of [p.pgp.ownKey, p.pgp.partnerKey]) {
        const key = fpr ? keys.get(fpr) : undefined;
        if (!key) continue;
        const use = uses.get(key.fingerprint) ?? { key, pathways: [] };
        use.pathways.push(p.number);
        uses.set(key.fingerprint, use);
      }
    }
    return [...uses.values()].map(({ key, pathways }) => {
      const days = key.expires ? daysLeft(key.expires, input.now) : undefined;
      return {
        id: `pgp:${key.fingerprint}`,
        source: 'pgp-key',
        title: `PGP key "${key.label}" (${key.primaryUserId}, ${key.keyId})`,
        ...(key.expires ? { notAfter: key.expires } : {}),
        ...(days !== undefined ? { daysLeft: days } : {}),
        level: key.expires ? levelOf(days) : 'no-date',
        pathways: [...new Set(pathways)].sort((a, b) => a - b),
        side: 'ci-pgp-keyring',
        renew:
          key.role === 'own'
            ? 'Create a new key (landscape pgp new), upload the secret keyring with Add → Overwrite Existing Keys or Replace, and give the partners the new public key.'
            : 'Ask the partner for a renewed public key, import it, and upload the public keyring with Add → Overwrite Existing Keys.',
        landscape: l.name,
      } satisfies ExpiryItem;
    });
  };
}
