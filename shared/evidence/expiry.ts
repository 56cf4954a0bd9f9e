/**
 * The expiry radar's vocabulary: one item per certificate or key a landscape depends on, with the
 * days left, the pathways it would break, the side that holds it and what to renew where. Pure:
 * main collects the items (it reads certificates), the CLI, the renderer and the report show them.
 */

export type ExpirySource =
  | 'vault-certificate'
  | 'vault-key-pair'
  | 'ca-certificate'
  | 'peer-certificate'
  | 'service-key-certificate'
  | 'ssh-host-key-pin'
  | 'pgp-key';

/** Which side of a pathway holds the item. */
export type ExpirySide = 'ci-keystore' | 'btp-service-key' | 'peer-system' | 'ci-known-hosts' | 'ci-pgp-keyring';

export type ExpiryLevel = 'expired' | 'critical' | 'soon' | 'ok' | 'no-date';

export interface ExpiryItem {
  /** Stable across runs (source + fingerprint or credential id), so calendar reminders update in place. */
  id: string;
  source: ExpirySource;
  /** What it is, in words: "Client certificate CN=s4-client (vault: S/4 client)". */
  title: string;
  subject?: string;
  fingerprintSha256?: string;
  /** ISO date the item stops working (for a host-key pin: when it is due for re-confirmation). */
  notAfter?: string;
  daysLeft?: number;
  level: ExpiryLevel;
  pathways: number[];
  side: ExpirySide;
  /** What to renew, and where. */
  renew: string;
  landscape: string;
}

/** Cloud Integration's PGP monitor calls 14 days "Critical"; 30 days leaves time for a CA's turnaround. */
export const EXPIRY_THRESHOLDS = { soon: 30, critical: 14 } as const;

/** SSH host keys do not expire; a pin older than this is due for an out-of-band re-confirmation. */
export const HOST_KEY_PIN_REVIEW_DAYS = 365;

export const SOURCE_LABELS: Record<ExpirySource, string> = {
  'vault-certificate': 'Client certificate (vault)',
  'vault-key-pair': 'Key pair awaiting its certificate (vault)',
  'ca-certificate': 'CA certificate',
  'peer-certificate': 'Certificate the peer presented',
  'service-key-certificate': 'Certificate in a BTP service key',
  'ssh-host-key-pin': 'SSH host key pin',
  'pgp-key': 'PGP key',
};

export const SIDE_LABELS: Record<ExpirySide, string> = {
  'ci-keystore': 'Cloud Integration keystore',
  'btp-service-key': 'BTP service key',
  'peer-system': 'Peer system',
  'ci-known-hosts': 'Cloud Integration known_hosts',
  'ci-pgp-keyring': 'Cloud Integration PGP keyring',
};

export const LEVEL_TEXT: Record<ExpiryLevel, string> = {
  expired: 'expired',
  critical: `expires within ${EXPIRY_THRESHOLDS.critical} days`,
  soon: `expires within ${EXPIRY_THRESHOLDS.soon} days`,
  ok: 'valid',
  'no-date': 'no expiry date',
};

const DAY_MS = 86_400_000;

/** Whole days from `now` to `notAfter`, rounded down (a certificate valid until tonight has 0 days left). */
export function daysLeft(notAfter: string, now: Date): number | undefined {
  const t = Date.parse(notAfter);
  return Number.isNaN(t) ? undefined : Math.floor((t - now.getTime()) / DAY_MS);
}

export function levelOf(days: number | undefined): ExpiryLevel {
  if (days === undefined) return 'no-date';
  if (days < 0) return 'expired';
  if (days <= EXPIRY_THRESHOLDS.critical) return 'critical';
  if (days <= EXPIRY_THRESHOLDS.soon) return 'soon';
  return 'ok';
}

/** Soonest first; items without a date last; ties by title so the order is stable. */
export function sortExpiry(items: readonly ExpiryItem[]): ExpiryItem[] {
  const key = (i: ExpiryItem) => i.daysLeft ?? Number.POSITIVE_INFINITY;
  return [...items].sort((a, b) => key(a) - key(b) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

export interface PathwayExpiry {
  daysLeft: number;
  level: Exclude<ExpiryLevel, 'ok' | 'no-date'>;
  title: string;
}

/** Per pathway number: the soonest item within the 30-day threshold (what its diagram edge shows). */
export function expiryByPathway(items: readonly ExpiryItem[]): Record<number, PathwayExpiry> {
  const out: Record<number, PathwayExpiry> = {};
  for (const item of items) {
    if (item.daysLeft === undefined || (item.level !== 'expired' && item.level !== 'critical' && item.level !== 'soon')) continue;
    for (const n of item.pathways) {
      const current = out[n];
      if (!current || item.daysLeft < current.daysLeft) out[n] = { daysLeft: item.daysLeft, level: item.level, title: item.title };
    }
  }
  return out;
}

/** "expired 3 days ago", "expires today", "12 days left". */
export function daysText(days: number | undefined): string {
  if (days === undefined) return 'no date';
  if (days < -1) return `expired ${-days} days ago`;
  if (days === -1) return 'expired yesterday';
  if (days === 0) return 'expires today';
  return days === 1 ? '1 day left' : `${days} days left`;
}

/** Items due within `within` days (expired ones included). */
export function dueWithin(items: readonly ExpiryItem[], within: number): ExpiryItem[] {
  return items.filter((i) => i.daysLeft !== undefined && i.daysLeft <= within);
}
