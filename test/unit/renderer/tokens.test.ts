/**
 * The design tokens (renderer/src/styles.css): every CSS variable the renderer uses is defined,
 * and the semantic text colours reach WCAG AA (4.5:1) on the page and surface backgrounds in both
 * themes. (--danger was once used but undefined: failures fell back to 2.2:1 in dark mode.)
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../../renderer/src');
const styles = readFileSync(join(SRC, 'styles.css'), 'utf8');

function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? cssFiles(p) : p.endsWith('.css') || p.endsWith('.tsx') ? [p] : [];
  });
}

/** The declarations of the first block that follows `anchor` (":root {" or the dark media query). */
function tokens(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of block.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) out[m[1]!] = m[2]!.trim();
  return out;
}
const lightBlock = styles.slice(styles.indexOf(':root {'), styles.indexOf('@media (prefers-color-scheme: dark)'));
const darkStart = styles.indexOf('@media (prefers-color-scheme: dark)');
const darkBlock = styles.slice(darkStart, styles.indexOf('\n}\n', darkStart));
const light = tokens(lightBlock);
const dark = { ...light, ...tokens(darkBlock) };

function hex(theme: Record<string, string>, name: string): string {
  let v = theme[name];
  for (let i = 0; v?.startsWith('var(') && i < 5; i++) v = theme[v.slice(4, -1).trim()];
  if (!v || !/^#[0-9a-f]{6}$/i.test(v)) throw new Error(`${name} is not a #rrggbb colour: ${v}`);
  return v;
}
function luminance(h: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('design tokens', () => {
  it('every var(--x) used in the renderer is defined in styles.css', () => {
    const used = new Set<string>();
    const defined = new Set(Object.keys(light));
    for (const f of cssFiles(SRC)) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/var\((--[\w-]+)(,[^)]*)?\)/g)) used.add(m[1]!);
      // Local variables (e.g. --edge, set per state class) count as defined where they are set.
      if (f.endsWith('.css')) for (const m of text.matchAll(/(--[\w-]+)\s*:/g)) defined.add(m[1]!);
    }
    const missing = [...used].filter((v) => !defined.has(v));
    expect(missing).toEqual([]);
  });

  it.each([
    ['light', light],
    ['dark', dark],
  ] as const)('%s: text, muted and semantic colours reach 4.5:1 on background and surface', (_name, theme) => {
    const low: string[] = [];
    for (const fg of ['--text', '--muted', '--accent', '--danger', '--warning', '--success'])
      for (const bg of ['--bg', '--surface']) {
        const c = contrast(hex(theme, fg), hex(theme, bg));
        if (c < 4.5) low.push(`${fg} on ${bg}: ${c.toFixed(2)}`);
      }
    // Buttons: primary text on accent, the confirmed danger button, the shell bar.
    for (const [fg, bg] of [['--on-accent', '--accent'], ['--surface', '--danger'], ['--on-shell', '--shell'], ['--danger', '--danger-soft'], ['--success', '--success-soft'], ['--text', '--accent-soft']] as const) {
      const c = contrast(hex(theme, fg), hex(theme, bg));
      if (c < 4.5) low.push(`${fg} on ${bg}: ${c.toFixed(2)}`);
    }
    expect(low).toEqual([]);
  });
});
