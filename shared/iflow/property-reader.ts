/**
 * Reads an adapter's `ifl:property` pairs the way Cloud Integration resolves them at deploy time:
 * `{{name}}` from the archive's parameters.prop (unresolved names are collected, never guessed),
 * and `${header.x}` / `${property.x}` (or any other Camel simple expression) kept as "set at run
 * time" (collected per field). Adapter versions spell the same setting differently (credentialName,
 * credential_name, alias), so every read takes the candidate keys in order.
 */
import { decodeXmlText } from './safe-xml';

export interface PropertyReader {
  /** The first non-empty value among `keys`, parameters resolved; '' when none or still unresolved. */
  get(field: string, keys: readonly string[]): string;
  /** True when the value of `field` (as read last) holds a run-time expression. */
  isDynamic(field: string): boolean;
  unresolved: string[];
  dynamic: string[];
  /** Every key, lower-cased, for settings found by pattern (host key checks). */
  keys(): string[];
}

function text(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return text((v as Record<string, unknown>)['#text']);
  return decodeXmlText(String(v));
}

export function propertyPairs(extensionElements: unknown): Map<string, string> {
  const pairs = new Map<string, string>();
  const props = (extensionElements as { property?: unknown[] } | undefined)?.property ?? [];
  for (const p of props) {
    const key = text((p as Record<string, unknown>)?.key).trim();
    if (key && !pairs.has(key)) pairs.set(key, text((p as Record<string, unknown>)?.value).trim());
  }
  return pairs;
}

export function createPropertyReader(pairs: Map<string, string>, params: Map<string, string>): PropertyReader {
  const lower = new Map([...pairs].map(([k, v]) => [k.toLowerCase(), v]));
  const unresolved = new Set<string>();
  const dynamic: string[] = [];
  const dynamicFields = new Set<string>();
  return {
    get(field, keys) {
      for (const key of keys) {
        const raw = pairs.get(key) ?? lower.get(key.toLowerCase());
        if (!raw) continue;
        let missing = false;
        const value = raw.replace(/\{\{([^{}]+)\}\}/g, (_all, name: string) => {
          const v = params.get(name.trim());
          if (v === undefined) {
            unresolved.add(name.trim());
            missing = true;
            return '';
          }
          return v;
        });
        if (/\$\{[^}]+\}/.test(value)) {
          if (!dynamicFields.has(field)) dynamic.push(`${field}: ${value}`);
          dynamicFields.add(field);
        }
        return missing && !value.trim() ? '' : value.trim();
      }
      return '';
    },
    isDynamic: (field) => dynamicFields.has(field),
    get unresolved() {
      return [...unresolved].sort();
    },
    dynamic,
    keys: () => [...lower.keys()],
  };
}
