/**
 * The expiry radar as an iCalendar file (RFC 5545, written by the `ics` library): one all-day event
 * per item on the day it expires, with one reminder 30 days before (or at once when less is left).
 * The uid is derived from the item's id, so importing a newer export updates the same events.
 */
import { createHash } from 'node:crypto';
import { createEvents, type EventAttributes } from 'ics';
import { EXPIRY_THRESHOLDS, SIDE_LABELS, type ExpiryItem } from '../../../shared/evidence/expiry';
import { AppError } from '../../../shared/result';

export function expiryCalendar(items: readonly ExpiryItem[]): string {
  const dated = items.filter((i) => i.notAfter && i.daysLeft !== undefined);
  const events: EventAttributes[] = dated.map((i) => {
    const day = new Date(i.notAfter!);
    const start: [number, number, number] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
    const lead = Math.max(0, Math.min(EXPIRY_THRESHOLDS.soon, i.daysLeft!));
    const pathways = i.pathways.length ? `pathway${i.pathways.length > 1 ? 's' : ''} ${i.pathways.join(', ')}` : 'no pathway yet';
    return {
      uid: `${createHash('sha256').update(`${i.landscape}\n${i.id}`).digest('hex').slice(0, 32)}@landscape-setup`,
      start,
      startInputType: 'utc',
      startOutputType: 'utc',
      duration: { days: 1 },
      title: `Expires: ${i.title} (${i.landscape})`,
      description: `${i.subject ? `${i.subject}\n` : ''}Breaks ${pathways} of ${i.landscape}.\nHeld in: ${SIDE_LABELS[i.side]}.\nRenew: ${i.renew}${i.fingerprintSha256 ? `\nSHA-256: ${i.fingerprintSha256}` : ''}`,
      categories: ['Landscape Setup', 'Certificate expiry'],
      transp: 'TRANSPARENT',
      busyStatus: 'FREE',
      alarms: [{ action: 'display', description: `Renew ${i.title} (${i.landscape})`, trigger: { days: lead, before: true } }],
    };
  });
  if (events.length === 0) return EMPTY_CALENDAR;
  const { error, value } = createEvents(events, { productId: 'landscape-setup/expiry-radar', calName: 'Landscape Setup: expiry radar' });
  if (error || !value) throw new AppError('ICS_FAILED', `The calendar could not be written: ${error?.message ?? 'no output'}.`);
  return refold(value);
}

/**
 * RFC 5545 §3.1: content lines are folded at 75 OCTETS. The ics library folds at 75 characters,
 * so a line with "→" or "ü" runs over; unfold and fold again by UTF-8 length, never inside a character.
 */
export function refold(ics: string): string {
  const logical = ics.replace(/\r\n[ \t]/g, '').split('\r\n');
  const out: string[] = [];
  for (const line of logical) {
    let current = '';
    let octets = 0;
    for (const ch of line) {
      const n = Buffer.byteLength(ch);
      if (octets + n > 75) {
        out.push(current);
        current = ' ';
        octets = 1;
      }
      current += ch;
      octets += n;
    }
    out.push(current);
  }
  return out.join('\r\n');
}

/** A valid calendar without events: the ics library refuses an empty list. */
const EMPTY_CALENDAR = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'CALSCALE:GREGORIAN', 'PRODID:landscape-setup/expiry-radar', 'METHOD:PUBLISH', 'X-WR-CALNAME:Landscape Setup: expiry radar', 'END:VCALENDAR', ''].join('\r\n');
