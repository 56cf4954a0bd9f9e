// Proves the packaging config offline: (1) electron-builder.yml against electron-builder's own JSON
// schema; (2) a real `--linux dir` pack with a stand-in Electron executable (the real binary cannot
// be downloaded here), then checks what landed in the asar and that keytar's .node is unpacked.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { load as loadYaml } from 'js-yaml';

const require = createRequire(import.meta.url);
const fail = (msg) => {
  console.error(`pack:check: ${msg}`);
  process.exit(1);
};

const config = loadYaml(readFileSync('electron-builder.yml', 'utf8'));
const schema = require('app-builder-lib/scheme.json');
const ajv = new Ajv({ allErrors: true, strict: false });
const validate = ajv.compile(schema);
if (!validate(config)) fail(`electron-builder.yml does not match the schema:\n${ajv.errorsText(validate.errors, { separator: '\n' })}`);
console.log('pack:check: electron-builder.yml matches electron-builder\'s schema');

if (!existsSync('out/main/index.mjs')) fail('run `npm run build` first');

const stand = mkdtempSync(join(tmpdir(), 'electron-standin-'));
writeFileSync(join(stand, 'electron'), '#!/bin/sh\necho "stand-in electron"\n');
chmodSync(join(stand, 'electron'), 0o755);
mkdirSync(join(stand, 'resources'), { recursive: true });
const output = mkdtempSync(join(tmpdir(), 'landscape-pack-'));

const { build, Platform } = require('electron-builder');
const electronVersion = require('electron/package.json').version;
await build({
  targets: Platform.LINUX.createTarget('dir'),
  publish: 'never',
  config: {
    ...config,
    electronVersion,
    electronDist: stand,
    // Fuses flip bytes in the real Electron binary; the stand-in has none. Checked by the schema above.
    electronFuses: null,
    directories: { ...config.directories, output },
  },
});

const resources = join(output, 'linux-unpacked', 'resources');
const asarPath = join(resources, 'app.asar');
if (!existsSync(asarPath)) fail('no app.asar in the pack');
const asar = require('@electron/asar');
const files = asar.listPackage(asarPath).map((f) => f.replaceAll('\\', '/'));
for (const must of ['/out/main/index.mjs', '/out/preload/preload.cjs', '/out/renderer/index.html', '/package.json']) {
  if (!files.includes(must)) fail(`${must} is missing from app.asar`);
}
const leaked = files.filter((f) => /^\/(test|main|shared|renderer|scripts)\//.test(f) || f.endsWith('.ts') && !f.includes('node_modules'));
if (leaked.length) fail(`sources leaked into app.asar: ${leaked.slice(0, 5).join(', ')}`);
const unpackedKeytar = join(resources, 'app.asar.unpacked', 'node_modules', '@github', 'keytar');
const prebuild = join(unpackedKeytar, 'prebuilds', 'linux-x64');
if (!existsSync(prebuild) || !readdirSync(prebuild).some((f) => f.endsWith('.node'))) fail('keytar .node is not unpacked from the asar');
console.log(`pack:check: linux dir pack ok (${files.length} files in app.asar, keytar .node unpacked)`);
rmSync(stand, { recursive: true, force: true });
rmSync(output, { recursive: true, force: true });
