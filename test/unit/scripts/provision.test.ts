/**
 * npm test's provisioning decisions: the one package list is read as .ci/run reads it, a package is
 * missing when its probe (path or command on PATH) is not there, and then npm test installs it
 * (root or password-less sudo on Debian/Ubuntu) or stops with the one command to run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { installCommand, missingPackages, parsePackageList, provisionPlan } from '../../../scripts/provision.mjs';

describe('npm test provisioning', () => {
  const list = parsePackageList(readFileSync('scripts/system-packages.txt', 'utf8'));

  it('reads the one list .ci/run reads (the suite needs the keyring, Chromium and the peers)', () => {
    expect(list.map((e) => e.pkg)).toEqual(expect.arrayContaining(['gnome-keyring', 'dbus', 'chromium', 'nginx-light', 'openssh-server', 'default-jre-headless']));
    expect(readFileSync('.ci/run', 'utf8')).toContain('scripts/system-packages.txt');
  });

  it('finds packages whose file or command is missing', () => {
    const entries = parsePackageList('# comment\nfoo /nonexistent/foo\nbar no-such-command-here\nsh sh\n');
    expect(missingPackages(entries, { path: '/usr/bin:/bin' })).toEqual(['foo', 'bar']);
    expect(missingPackages(entries, { exists: () => true, path: '/usr/bin:/bin' })).toEqual(['bar']);
  });

  it('installs as root or with password-less sudo, and otherwise stops with the one command', () => {
    expect(provisionPlan([], { root: false, canSudo: false, apt: true })).toEqual({ action: 'none' });
    expect(provisionPlan(['age'], { root: true, canSudo: false, apt: true })).toEqual({ action: 'install', sudo: false, packages: ['age'] });
    expect(provisionPlan(['age'], { root: false, canSudo: true, apt: true })).toEqual({ action: 'install', sudo: true, packages: ['age'] });
    expect(provisionPlan(['age', 'gnupg'], { root: false, canSudo: false, apt: true })).toEqual({
      action: 'stop',
      command: 'sudo apt-get install -y --no-install-recommends age gnupg',
      packages: ['age', 'gnupg'],
    });
    expect(provisionPlan(['age'], { root: false, canSudo: false, apt: false })).toMatchObject({ action: 'stop', command: undefined });
    expect(installCommand(['age'], { root: true })).toBe('apt-get install -y --no-install-recommends age');
  });
});
