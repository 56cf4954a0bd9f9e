/**
 * `landscape iflow import` as a user runs it (the built bin in a child process): the JSON shape
 * the issue fixed, exit codes, dry run, and a hostile archive refused on one stderr line.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seed002Package, zipBomb } from '../../support/iflow-builder';
import { makeHome } from '../../support/test-services';

function runCli(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['bin/landscape.mjs', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 90_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const ADAPTER_KEYS = ['adapter', 'name', 'direction', 'participant', 'host', 'port', 'path', 'authentication', 'credentialName', 'privateKeyAlias', 'proxyType', 'locationId', 'internal', 'probed', 'hostKeyVerification', 'mailProtection', 'unresolved', 'dynamic'];

describe('landscape iflow import', { timeout: 180_000 }, () => {
  it('prints the stable JSON, saves nothing on --dry-run, saves on import', () => {
    const home = makeHome('landscape-iflow-cli-');
    const pkg = join(home, 'acme-package.zip');
    writeFileSync(pkg, seed002Package());
    const env = { LANDSCAPE_HOME: home };
    const dry = runCli(['iflow', 'import', pkg, '--new', 'Acme', '--dry-run', '--json'], env);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    const out = JSON.parse(dry.stdout);
    expect(Object.keys(out)).toEqual(['dryRun', 'landscape', 'iflows', 'systems', 'pathways', 'internal', 'material', 'findings']);
    expect(out.dryRun).toBe(true);
    expect(out.iflows.map((f: { file: string; name: string }) => Object.keys(f))).toEqual([
      ['file', 'name', 'adapters'],
      ['file', 'name', 'adapters'],
      ['file', 'name', 'adapters'],
    ]);
    for (const f of out.iflows) for (const a of f.adapters) expect(Object.keys(a)).toEqual(ADAPTER_KEYS);
    expect(out.iflows[1].adapters[1]).toEqual({
      adapter: 'SOAP',
      name: 'ToS4',
      direction: 'outbound',
      participant: 'SAP_S4HANA',
      host: 's4-virtual',
      port: 44300,
      path: '/sap/bc/srt/scs/sap/bp_replicate',
      authentication: 'basic',
      credentialName: 'ACME_S4_BASIC',
      privateKeyAlias: '',
      proxyType: 'on-premise',
      locationId: 'acme-scc',
      internal: false,
      probed: true,
      hostKeyVerification: null,
      mailProtection: null,
      unresolved: [],
      dynamic: [],
    });
    expect(out.pathways.map((p: { number: number; action: string; route: string }) => `${p.number} ${p.action} ${p.route}`)).toEqual([
      '1 add SAP_S4HANA → Cloud Integration',
      '2 add Cloud Integration → SAP_SSCV2',
      '3 add SAP_SSCV2 → Cloud Integration',
      '4 add Cloud Integration → SAP_S4HANA',
    ]);
    expect(JSON.parse(runCli(['landscapes', 'list', '--json'], env).stdout).landscapes).toEqual([]);
    const text = runCli(['iflow', 'import', pkg, '--new', 'Acme', '--dry-run'], env).stdout;
    expect(text).toMatch(/pathway 4 new: Cloud Integration → SAP_S4HANA {2}HTTPS Basic \(user and password\) {2}credential ACME_S4_BASIC/);
    expect(text).toMatch(/system added: SAP_SSCV2 \(SAP Sales and Service Cloud Version 2\)/);

    const real = runCli(['iflow', 'import', pkg, '--new', 'Acme', '--json'], env);
    expect(real.code).toBe(0);
    const shown = JSON.parse(runCli(['landscapes', 'show', 'Acme', '--json'], env).stdout);
    expect(shown.pathways.map((p: { number: number; direction: string }) => `${p.number} ${p.direction}`)).toEqual(['1 inbound', '2 outbound', '3 inbound', '4 outbound']);
    const again = runCli(['iflow', 'import', pkg, '--landscape', 'Acme'], env);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Landscape "Acme" already holds these integration flows: nothing to change/);
    expect(again.stdout).toMatch(/pathway 4 unchanged: /);
    const handover = runCli(['handover', 'Acme'], env);
    expect(handover.stdout).toMatch(/\*\*ACME_S4_BASIC\*\* \(MISSING, pathway 4\) — Security Material → User Credentials/);
    expect(handover.stdout).toMatch(/\*\*acme_sscv2_client\*\* \(MISSING, pathway 2\) — Keystore → Key Pair/);
  });

  it('refuses a zip bomb with exit 1 and one line on stderr; usage errors exit 2', () => {
    const home = makeHome('landscape-iflow-cli-');
    const bomb = join(home, 'bomb.zip');
    writeFileSync(bomb, zipBomb(8));
    const r = runCli(['iflow', 'import', bomb, '--new', 'X', '--json'], { LANDSCAPE_HOME: home });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/bomb\.zip was refused: .*zip bomb.*Nothing was imported/);
    expect(runCli(['iflow', 'import', bomb], { LANDSCAPE_HOME: home }).code).toBe(2);
    expect(runCli(['iflow', 'import', bomb, '--new', 'A', '--landscape', 'B'], { LANDSCAPE_HOME: home }).code).toBe(2);
  });
});
