/**
 * What may not reach a user's eyes: internal codes (catalogue ids such as tls.pkix-path, rule codes
 * such as ON_PREMISE_VIRTUAL_HOST, request field paths such as subject.c) and ISO timestamps (the
 * app's one date format is the user's locale with the zone). Used by the catalogue unit test and by
 * the e2e test that reads every view's rendered text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DIAGNOSIS } from '../../shared/probe/diagnosis-catalogue';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every code a finding or an error can carry, read from the sources (so a new code is covered). */
function codesInSources(dir: string, pattern: RegExp): Set<string> {
  const out = new Set<string>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name)) for (const m of readFileSync(p, 'utf8').matchAll(pattern)) out.add(m[1]!);
    }
  };
  walk(join(ROOT, dir));
  return out;
}

/** Dotted catalogue ids: the diagnosis keys and every `code: 'x.y'` in shared/ and main/. */
export const DOTTED_CODES: ReadonlySet<string> = new Set([
  ...Object.keys(DIAGNOSIS),
  ...codesInSources('shared', /code: '([a-z]+\.[a-z0-9.-]+)'/g),
  ...codesInSources('main/services', /code: '([a-z]+\.[a-z0-9.-]+)'/g),
]);

// Environment variables a consultant sets by these names: words of their world, not our codes.
const ENV_NAMES = new Set(['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY', 'ALL_PROXY', 'LANDSCAPE_HOME']);

/** UPPER_SNAKE rule and error codes (ON_PREMISE_VIRTUAL_HOST, PATH_NOT_CHOSEN, …). */
export const UPPER_CODES: ReadonlySet<string> = new Set([
  ...codesInSources('shared', /code: '([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g),
  ...codesInSources('shared', /'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g),
  ...codesInSources('main/services', /new AppError\('([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g),
].filter((c) => !ENV_NAMES.has(c)));

/** Roots of request and payload field paths (subject.c, secret.password, pathway.proxy.locationId). */
const FIELD_PATH = /(?<![\w./:@-])(?:subject|secret|meta|pathway|patch|tenant|request|input)\.[a-zA-Z][\w.[\]]*/g;
const DOTTED = /(?<![\w./:@-])[a-z][a-z0-9]*\.[a-z][a-z0-9-]*(?:\.[a-z][a-z0-9-]*)*(?![\w/:@-])/g;
const UPPER = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
const ISO = /\b\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?!\d)/g;

/** Every raw code or ISO timestamp in a text, each with a little context; empty when the text is human. */
export function rawTextProblems(text: string): string[] {
  const out: string[] = [];
  const context = (i: number, len: number) => JSON.stringify(text.slice(Math.max(0, i - 30), i + len + 30));
  for (const m of text.matchAll(DOTTED)) if (DOTTED_CODES.has(m[0])) out.push(`raw code ${m[0]} in ${context(m.index, m[0].length)}`);
  for (const m of text.matchAll(FIELD_PATH)) out.push(`field path ${m[0]} in ${context(m.index, m[0].length)}`);
  for (const m of text.matchAll(UPPER)) if (UPPER_CODES.has(m[0])) out.push(`raw code ${m[0]} in ${context(m.index, m[0].length)}`);
  for (const m of text.matchAll(ISO)) out.push(`ISO timestamp ${m[0]} in ${context(m.index, m[0].length)}`);
  return out;
}
