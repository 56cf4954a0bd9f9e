// Proves the packaging config offline: (1) electron-builder.yml against electron-builder's own JSON
// schema; (2) a real `--linux dir` pack with a stand-in Electron executable (the real binary cannot
// be downloaded here), then checks what landed in the asar and that keytar's .node is unpacked;
// (3) the Electron fuses electron-builder flipped in the packed executable, read back with @electron/fuses.
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
// The stand-in carries a fuse wire as Electron 41's binary does (sentinel, version 1, 8 fuses in
// Electron's default states), so electron-builder's own fuse step flips it and we read it back.
const { SENTINEL, FuseState } = require('@electron/fuses/dist/constants');
const defaults = [FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE];
writeFileSync(join(stand, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in electron"\nexit 0\n'), Buffer.from(SENTINEL), Buffer.from([1, defaults.length, ...defaults])]));
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

// Checklist item 19: the fuses electron-builder wrote into the packed executable, read back.
const { getCurrentFuseWire, FuseV1Options } = require('@electron/fuses');
const unpacked = join(output, 'linux-unpacked');
const exe = readdirSync(unpacked).map((f) => join(unpacked, f)).find((f) => !f.endsWith('.so') && readFileSync(f, { flag: 'r' }).includes(SENTINEL));
if (!exe) fail('no executable with a fuse wire in the pack');
const wire = await getCurrentFuseWire(exe);
const wanted = {
  RunAsNode: config.electronFuses.runAsNode,
  EnableCookieEncryption: config.electronFuses.enableCookieEncryption,
  EnableNodeOptionsEnvironmentVariable: config.electronFuses.enableNodeOptionsEnvironmentVariable,
  EnableNodeCliInspectArguments: config.electronFuses.enableNodeCliInspectArguments,
  EnableEmbeddedAsarIntegrityValidation: config.electronFuses.enableEmbeddedAsarIntegrityValidation,
  OnlyLoadAppFromAsar: config.electronFuses.onlyLoadAppFromAsar,
  GrantFileProtocolExtraPrivileges: config.electronFuses.grantFileProtocolExtraPrivileges,
};
const must = { RunAsNode: false, EnableNodeOptionsEnvironmentVariable: false, EnableNodeCliInspectArguments: false, EnableEmbeddedAsarIntegrityValidation: true, OnlyLoadAppFromAsar: true };
for (const [name, value] of Object.entries(must)) if (wanted[name] !== value) fail(`electron-builder.yml must set fuse ${name} to ${value}`);
for (const [name, value] of Object.entries(wanted)) {
  const got = wire[FuseV1Options[name]];
  if (got !== (value ? FuseState.ENABLE : FuseState.DISABLE)) fail(`fuse ${name} in the packed executable is ${String.fromCharCode(got)}, expected ${value ? 'on' : 'off'}`);
}
console.log(`pack:check: fuses in the packed executable: ${Object.entries(wanted).map(([n, v]) => `${n}=${v ? 'on' : 'off'}`).join(', ')}`);
rmSync(stand, { recursive: true, force: true });
rmSync(output, { recursive: true, force: true });
