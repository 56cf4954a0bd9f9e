/**
 * `parameters.prop`: the externalized parameter values of an iFlow, in Java properties syntax
 * (Cloud Integration writes `key=value`, escapes `:` `=` and non-ASCII as `\uXXXX`). Only what the
 * format needs: comments, `=`/`:`/space separators, backslash escapes and line continuations.
 */

function unescape(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_all, c: string) => {
    if (c.length === 5) return String.fromCharCode(parseInt(c.slice(1), 16));
    return ({ t: '\t', n: '\n', r: '\r', f: '\f' } as Record<string, string>)[c] ?? c;
  });
}

function logicalLines(text: string): string[] {
  const out: string[] = [];
  let pending = '';
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)) {
    const line = pending ? raw.replace(/^\s+/, '') : raw;
    // An odd number of trailing backslashes continues the line.
    const trailing = /\\+$/.exec(line)?.[0].length ?? 0;
    if (trailing % 2 === 1) {
      pending += line.slice(0, -1);
      continue;
    }
    out.push(pending + line);
    pending = '';
  }
  if (pending) out.push(pending);
  return out;
}

export function parseParametersProp(text: string): Map<string, string> {
  const values = new Map<string, string>();
  for (const line of logicalLines(text)) {
    const trimmed = line.replace(/^\s+/, '');
    if (!trimmed || trimmed[0] === '#' || trimmed[0] === '!') continue;
    const m = /^((?:\\.|[^\\=:\s])*)\s*[=:\s]?\s*([\s\S]*)$/.exec(trimmed);
    if (!m) continue;
    const key = unescape(m[1] ?? '');
    if (key) values.set(key, unescape(m[2] ?? ''));
  }
  return values;
}
