/**
 * Hostile requests for any channel of the IPC contract, derived from the channel's own zod schema
 * (through its JSON Schema), so a channel added later is attacked without anyone listing it here.
 *
 *   baseRequest(schema)  a request the schema accepts, when one can be found (used to aim each attack
 *                        at one field, so the refusal is known to be about that field)
 *   attacksFor(schema)   [{ name, request, fields }]: every one must be refused with INVALID_INPUT;
 *                        `fields` lists the field paths the refusal may name (empty: any)
 */
import * as z from 'zod';

interface Js {
  type?: string | string[];
  properties?: Record<string, Js>;
  required?: string[];
  items?: Js;
  minItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Js[];
  oneOf?: Js[];
  minimum?: number;
  maximum?: number;
}

export interface Attack {
  name: string;
  request: unknown;
  fields: string[];
}

export const TEN_MB_CANARY = 'Canary-Secret-7f3e-'.repeat(Math.ceil((10 * 1024 * 1024) / 19));
const DEPTH = 10_000;
export const DEEP_OBJECT = nest(DEPTH, (inner) => ({ a: inner }));
export const DEEP_ARRAY = nest(DEPTH, (inner) => [inner]);

function nest(depth: number, wrap: (inner: unknown) => unknown): unknown {
  let v: unknown = 'bottom';
  for (let i = 0; i < depth; i++) v = wrap(v);
  return v;
}

/** Own keys named like prototype machinery (JSON.parse and structured clone make `__proto__` an own key). */
function withOwnKey(obj: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const copy = { ...obj };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return copy;
}

export function jsonSchemaOf(schema: z.ZodType): Js {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Js;
}

const STRING_CANDIDATES = ['/tmp/landscape-attack/file.json', 'https://example.com/x', 'gen-0123456789abcdef', '0123456789abcdef'.repeat(2), `SHA256:${'A'.repeat(43)}`, 'DE', 'AAAA', 'a'];

function typeOf(js: Js): string | undefined {
  if (js.anyOf || js.oneOf) return 'union';
  if (js.enum) return 'enum';
  return Array.isArray(js.type) ? js.type[0] : js.type;
}

type Mode = 'required' | 'all';

function sample(js: Js, mode: Mode): unknown {
  const branch = js.anyOf?.[0] ?? js.oneOf?.[0];
  if (branch) return sample(branch, mode);
  if (js.const !== undefined) return js.const;
  if (js.enum) return js.enum[0];
  switch (typeOf(js)) {
    case 'string': {
      const ok = (c: string) => c.length >= (js.minLength ?? 0) && c.length <= (js.maxLength ?? Infinity) && (!js.pattern || new RegExp(js.pattern).test(c));
      return STRING_CANDIDATES.find(ok) ?? 'a'.repeat(Math.max(js.minLength ?? 1, 1));
    }
    case 'integer':
    case 'number':
      return Math.min(js.minimum ?? 1, js.maximum ?? Infinity);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: js.minItems ?? (mode === 'all' ? 1 : 0) }, () => sample(js.items ?? {}, mode));
    case 'object':
      return Object.fromEntries(
        Object.entries(js.properties ?? {})
          .filter(([k]) => mode === 'all' || js.required?.includes(k))
          .map(([k, v]) => [k, sample(v, mode)]),
      );
    default:
      return undefined;
  }
}

/** A request the schema accepts with no stripped field, or undefined when none of the tries is. */
export function baseRequest(schema: z.ZodType): unknown {
  const js = jsonSchemaOf(schema);
  const top = js.anyOf?.[0] ?? js.oneOf?.[0] ?? js;
  const tries: unknown[] = [sample(top, 'required'), sample(top, 'all')];
  if (typeOf(top) === 'object') {
    const required = sample(top, 'required') as Record<string, unknown>;
    for (const [k, v] of Object.entries(top.properties ?? {})) if (!(k in required)) tries.push({ ...required, [k]: sample(v, 'required') });
  }
  return tries.find((t) => schema.safeParse(t).success && JSON.stringify(schema.parse(t)) !== undefined && sameKeys(t, schema.parse(t)));
}

function sameKeys(a: unknown, b: unknown): boolean {
  return JSON.stringify(Object.keys(a ?? {}).sort()) === JSON.stringify(Object.keys(b ?? {}).sort());
}

const WHOLE: Array<[string, unknown]> = [
  ['number', 42],
  ['string', 'text'],
  ['boolean', true],
  ['null', null],
  ['array', []],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
  ['10 MB string', TEN_MB_CANARY],
  ['10,000-deep object', DEEP_OBJECT],
  ['10,000-deep array', DEEP_ARRAY],
];

function wrongTypeFor(js: Js): Array<[string, unknown]> {
  switch (typeOf(js)) {
    case 'string':
      return [['number for string', 12345], ['array for string', ['x']], ['10 MB string', TEN_MB_CANARY]];
    case 'integer':
    case 'number':
      return [['string for number', '1'], ['NaN', NaN], ['Infinity', Infinity], ['-Infinity', -Infinity], ['1e400', Number('1e400')]];
    case 'boolean':
      return [['string for boolean', 'true'], ['number for boolean', 1]];
    case 'enum':
      return [['value outside the enum', 'not-a-choice-☠'], ['number for enum', 7]];
    case 'array':
      return [['object for array', { length: 1, 0: 'x' }], ['string for array', 'x']];
    case 'object':
      return [['string for object', 'x'], ['array for object', []]];
    default:
      return [['number', 42]];
  }
}

function fieldName(path: string[]): string {
  return path.length ? path.join('.') : '(request)';
}

/** Attacks on one object (at `path`) of a valid base: each field wrong, missing, extra and prototype keys. */
function objectAttacks(js: Js, base: Record<string, unknown>, path: string[], rebuild: (obj: unknown) => unknown, out: Attack[]): void {
  const here = fieldName(path);
  for (const [key, prop] of Object.entries(js.properties ?? {})) {
    const p = [...path, key];
    const f = fieldName(p);
    const variants: Array<[string, unknown]> = [...wrongTypeFor(prop), ['null', null], ['10,000-deep object', DEEP_OBJECT]];
    for (const [name, value] of variants) out.push({ name: `${f}: ${name}`, request: rebuild({ ...base, [key]: value }), fields: [f] });
    if (js.required?.includes(key)) {
      const { [key]: _dropped, ...rest } = base;
      out.push({ name: `${f}: missing`, request: rebuild(rest), fields: [f, here] });
    }
    const child = base[key] ?? sample(prop, 'required');
    if (typeOf(prop) === 'object' && child && typeof child === 'object') {
      objectAttacks(prop, child as Record<string, unknown>, p, (obj) => rebuild({ ...base, [key]: obj }), out);
    }
    if (typeOf(prop) === 'array' && prop.items && typeOf(prop.items) === 'object') {
      const first = (Array.isArray(child) && child[0]) || sample(prop.items, 'required');
      objectAttacks(prop.items, first as Record<string, unknown>, [...p, '0'], (obj) => rebuild({ ...base, [key]: [obj] }), out);
    }
  }
  out.push({ name: `${here}: extra field`, request: rebuild({ ...base, unexpectedField: 'x' }), fields: [here, fieldName([...path, 'unexpectedField'])] });
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    const value = { polluted: true, toString: 'x', isAdmin: true };
    out.push({ name: `${here}: own "${key}" key`, request: rebuild(withOwnKey(base, key, value)), fields: [here, fieldName([...path, key])] });
  }
}

export function attacksFor(schema: z.ZodType): { attacks: Attack[]; aimed: boolean } {
  const attacks: Attack[] = WHOLE.map(([name, request]) => ({ name: `whole request: ${name}`, request, fields: [] }));
  attacks.push({ name: 'whole request: object with own __proto__', request: JSON.parse('{"__proto__":{"polluted":true}}'), fields: [] });
  const js = jsonSchemaOf(schema);
  let aimed = false;
  // A union is attacked branch by branch; zod then names the union, not the field (fields: any).
  for (const branch of js.anyOf ?? js.oneOf ?? [js]) {
    const base = sample(branch, 'required');
    if (typeOf(branch) !== 'object' || !schema.safeParse(base).success) continue;
    const before = attacks.length;
    objectAttacks(branch, base as Record<string, unknown>, [], (obj) => obj, attacks);
    if (branch !== js) for (const a of attacks.slice(before)) a.fields = [];
    aimed = true;
  }
  if (!aimed) {
    const base = baseRequest(schema);
    if (typeOf(js) === 'object' && base && typeof base === 'object') {
      objectAttacks(js, base as Record<string, unknown>, [], (obj) => obj, attacks);
      aimed = true;
    }
  }
  return { attacks: attacks.filter((a) => a.request !== undefined), aimed };
}
