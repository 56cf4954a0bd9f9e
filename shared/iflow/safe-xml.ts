/**
 * XML from a customer's archive, parsed defensively: a DOCTYPE (the door to external and expanding
 * entities) is refused outright, entities are never expanded by the parser (only the five
 * predefined ones and character references are decoded, by us, one value at a time), and the
 * nesting depth and size are bounded before the parser sees the text.
 */
import { XMLParser } from 'fast-xml-parser';

export const XML_LIMITS = { maxChars: 20 * 1024 * 1024, maxDepth: 200 } as const;

export class XmlRefused extends Error {}

function checkDepth(text: string, maxDepth: number): void {
  let depth = 0;
  // Tags only; comments, CDATA and processing instructions do not nest elements.
  const tag = /<(!--[\s\S]*?--|!\[CDATA\[[\s\S]*?\]\]|\?[\s\S]*?\?|\/?)([^\s>/!?]*)[^>]*?(\/?)>/g;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const lead = m[1] ?? '';
    if (lead.length > 1) continue;
    if (lead === '/') depth--;
    else if (m[3] !== '/') depth++;
    if (depth > maxDepth) throw new XmlRefused(`its XML nests deeper than ${maxDepth} elements`);
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
