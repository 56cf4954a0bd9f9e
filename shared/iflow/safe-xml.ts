/**
 * XML from a customer's archive, parsed defensively: a DOCTYPE (the door to external and expanding
 * entities) is refused outright, entities are never expanded by the parser (only the five
 * predefined ones and character references are decoded, by us, one value at a time), and the
 * nesting depth and size are bounded before the parser sees the text.
 */
import { XMLParser } from 'fast-xml-parser';

export const XML_LIMITS = { maxChars: 20 * 1024 * 1024, maxDepth: 200 } as const;

export class XmlRefused extends Error {}

/**
 * Counts element nesting in one linear pass (indexOf, no regular expression): a regex over tags
 * backtracks on text such as 4,000 `<` without a `>` (38 s measured; found while fuzzing). A tag
 * ends at the first `>`; comments, CDATA and processing instructions do not nest; an unterminated
 * one ends the scan (the parser then refuses the text).
 */
function checkDepth(text: string, maxDepth: number): void {
  let depth = 0;
  let i = text.indexOf('<');
  while (i >= 0) {
    let end: number;
    if (text.startsWith('<!--', i)) end = text.indexOf('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) end = text.indexOf(']]>', i + 9);
    else if (text.startsWith('<?', i)) end = text.indexOf('?>', i + 2);
    else {
      end = text.indexOf('>', i + 1);
      if (end < 0) return;
      if (text[i + 1] === '/') depth--;
      else if (text[i + 1] !== '!' && text[end - 1] !== '/') depth++;
      if (depth > maxDepth) throw new XmlRefused(`its XML nests deeper than ${maxDepth} elements`);
    }
    if (end < 0) return;
    i = text.indexOf('<', end + 1);
  }
}

/** Parses XML into plain objects (attributes under '@name', namespace prefixes removed). */
export function parseSafeXml(text: string, limits: { maxChars: number; maxDepth: number } = XML_LIMITS): Record<string, unknown> {
  if (text.length > limits.maxChars) throw new XmlRefused(`its XML is larger than ${Math.round(limits.maxChars / 1048576)} MB`);
  if (/<!DOCTYPE/i.test(text)) throw new XmlRefused('its XML declares a DOCTYPE (entities are not accepted in integration flows)');
  if (/<!ENTITY/i.test(text)) throw new XmlRefused('its XML declares entities');
  checkDepth(text, limits.maxDepth);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    removeNSPrefix: true,
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => ['property', 'participant', 'messageFlow', 'process'].includes(name),
  });
  try {
    return parser.parse(text, true) as Record<string, unknown>;
  } catch (e) {
    throw new XmlRefused(`its XML is not well-formed (${String((e as Error).message ?? e).split('\n')[0]?.slice(0, 160)})`);
  }
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five predefined entities and numeric character references; anything else stays as written. */
export function decodeXmlText(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
    }
    return NAMED[ref] ?? all;
  });
}
