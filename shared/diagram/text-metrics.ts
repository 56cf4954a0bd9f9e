/**
 * Text sizes the layout can compute without a DOM. The estimates are deliberately generous (wide
 * fonts such as DejaVu Sans) so a label never outgrows the box the layout reserved for it.
 */

export const NODE_FONT_PX = 14;
export const LABEL_FONT_PX = 12;
export const KIND_FONT_PX = 12;

/** Width in px of `text` at `fontPx`: ~0.62 em per character plus a little slack. */
export function estimateTextWidth(text: string, fontPx: number): number {
  return Math.ceil(text.length * fontPx * 0.62 + 2);
}

/** Splits a name into at most `maxLines` lines of about `maxChars`; the last line is cut with "…". */
export function wrapText(text: string, maxChars: number, maxLines = 2): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (candidate.length <= maxChars || !current) {
      current = candidate;
    } else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const kept = lines.slice(0, maxLines).map((line) => (line.length > maxChars ? `${line.slice(0, maxChars - 1)}…` : line));
  if (lines.length > maxLines) {
    const last = kept[maxLines - 1] ?? '';
    kept[maxLines - 1] = last.length >= maxChars ? `${last.slice(0, maxChars - 1)}…` : `${last}…`;
  }
  return kept.length ? kept : [''];
}

const SHORT_AUTH: Record<string, string> = {
  basic: 'Basic',
  'client-certificate': 'Certificate',
  certificate: 'Certificate',
  'oauth2-client-credentials': 'OAuth2',
  oauth2: 'OAuth2',
  'principal-propagation': 'Principal prop.',
  'public-key': 'Public key',
  password: 'Password',
  dual: 'Dual',
  plain: 'Plain',
  encrypted: 'Encrypted',
  none: 'None',
};

/** The short form drawn on an edge; the accessible name carries the long one. */
export function shortAuthLabel(auth: string): string {
  return SHORT_AUTH[auth.toLowerCase()] ?? auth;
}

/** The text drawn on an edge label (the number and state glyph are drawn beside it). */
export function edgeLabelText(protocol: string, auth: string): string {
  const p = protocol || '—';
  const a = auth ? shortAuthLabel(auth) : 'no auth';
  return `${p} · ${a}`;
}
