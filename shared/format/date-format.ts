/**
 * The one date format of the app, the CLI and every finding: the user's locale, with the time zone,
 * so an ISO timestamp never reaches a screen and every date reads the same way. Pure (Intl only),
 * so the renderer, main's findings and the CLI share it.
 */
// dateStyle/timeStyle cannot be combined with timeZoneName: the parts are named one by one.
const dateTime = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short' });
const dateOnly = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

function parse(value: string | Date): Date | null {
  const d = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? null : d;
}

export function formatDateTime(value: string | Date): string {
  const d = parse(value);
  return d ? dateTime.format(d) : String(value);
}

/** A date without time (validity ends): the zone adds nothing there. */
export function formatDate(value: string | Date): string {
  const d = parse(value);
  return d ? dateOnly.format(d) : String(value);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A date as java.util.Date#toString prints it in UTC ("Tue Dec 01 22:03:34 UTC 2026"): the form of
 * Java's own messages (CertificateExpiredException: NotAfter: …), so a literal matches the customer's log.
 */
export function javaDate(value: string | Date): string {
  const d = parse(value);
  if (!d) return String(value);
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${two(d.getUTCDate())} ${time} UTC ${d.getUTCFullYear()}`;
}
