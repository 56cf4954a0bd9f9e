/**
 * zod strips keys a schema does not name, so `{ id, __proto__: {...}, isAdmin: true }` would pass
 * validation and reach a handler as `{ id }`. The dispatcher refuses such a request instead: a
 * renderer that sends fields the contract does not know is buggy or compromised, and a silent strip
 * hides it. This walks the request beside zod's output and names the first key the output dropped.
 */
const MAX_DEPTH = 64;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The path of the first key in `input` that `output` (the parsed request) does not have, if any. */
export function firstUnknownField(input: unknown, output: unknown, path: readonly string[] = []): string[] | undefined {
  // The output's depth is bounded by the schema; past MAX_DEPTH only a recursive schema could go.
  if (path.length > MAX_DEPTH) return undefined;
  if (Array.isArray(input) && Array.isArray(output)) {
    for (let i = 0; i < Math.min(input.length, output.length); i++) {
      const found = firstUnknownField(input[i], output[i], [...path, String(i)]);
      if (found) return found;
    }
    return undefined;
  }
  if (!isPlainObject(input) || !isPlainObject(output)) return undefined;
  // Object.keys sees own "__proto__" (JSON.parse and structured clone make one), unlike `in`.
  for (const key of Object.keys(input)) {
    if (!Object.prototype.hasOwnProperty.call(output, key)) return [...path, key];
    const found = firstUnknownField(input[key], output[key], [...path, key]);
    if (found) return found;
  }
  return undefined;
}

/** A field path safe to show: long or odd keys are cut, so an error never echoes a large payload. */
export function showField(path: readonly string[]): string {
  return path.map((k) => (k.length > 40 ? `${k.slice(0, 40)}…` : k).replace(/[^\x20-\x7e]/g, '?')).join('.');
}
