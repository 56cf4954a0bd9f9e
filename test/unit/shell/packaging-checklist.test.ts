/**
 * Checklist items that live in packaging and the build rather than in code: 1 (only secure
 * content), 16 (a current, exactly pinned Electron) and 19 (fuses).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const builder = loadYaml(readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown>;
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };

describe('Electron checklist item 19: fuses', () => {
  it('turns off run-as-node, NODE_OPTIONS and --inspect; turns on cookie encryption, asar integrity, asar-only', () => {
    expect(builder.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
  it('packs into an asar with native modules unpacked and no rebuild (N-API)', () => {
    expect(builder.asar).toBe(true);
    expect(builder.asarUnpack).toContain('**/*.node');
    expect(builder.npmRebuild).toBe(false);
  });
});

describe('Electron checklist item 16: a current Electron, pinned exactly', () => {
  it('pins an exact version and has that version installed', () => {
    const wanted = pkg.devDependencies.electron;
    expect(wanted).toMatch(/^\d+\.\d+\.\d+$/);
    const installed = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')).version;
    expect(installed).toBe(wanted);
    // Electron supports the latest three majors; 41 was current when this was pinned (2026-11).
    expect(Number(wanted!.split('.')[0])).toBeGreaterThanOrEqual(41);
  });
});

describe('Electron checklist item 1: only secure, local content', () => {
  const dir = join(process.env.LANDSCAPE_OUT ?? 'out', 'renderer');
  it('the built renderer loads nothing from the network', () => {
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
    const html = readFileSync(join(dir, 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
    const assets = readdirSync(join(dir, 'assets'));
    for (const file of assets.filter((f) => f.endsWith('.css'))) {
      expect(readFileSync(join(dir, 'assets', file), 'utf8')).not.toMatch(/@import\s+url\(["']?https?:/i);
    }
  });
});
