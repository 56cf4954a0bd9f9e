/**
 * The lazy composition: nothing is built before it is read, a service read before its module was
 * loaded fails with a message saying what to do, and each entry builds with only its declared needs
 * loaded (a fresh registry per service, so modules another entry loaded cannot hide a missing need).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices, LAZY_SERVICES, type CompositionInput, type ServiceName } from '../../../main/composition';
import { lazyRegistry } from '../../../main/lazy-services';
import { createRedactor, silentLogger } from '../../../main/services/logger';
import { createFileBackend } from '../../../main/services/store/file-backend';

const input = (): CompositionInput => ({
  dataDir: mkdtempSync(join(tmpdir(), 'landscape-lazy-')),
  platform: process.platform,
  loadSecretBackend: () => Promise.reject(new Error('no keychain in this test')),
  log: silentLogger,
  redactor: createRedactor(),
  storeBackend: createFileBackend,
  env: {},
});

const names = LAZY_SERVICES.flatMap((e) => e.provides) as ServiceName[];

describe('lazy composition', () => {
  it('lists every lazy service once', () => {
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['landscapes', 'vault', 'credentialTools', 'material', 'probes', 'hostKeys']));
  });

  it('a service read before its module is loaded names the fix', () => {
    const services = createServices(input(), lazyRegistry(LAZY_SERVICES));
    expect(() => services.material).toThrow(/add "material" to the command's uses, or await services.load\("material"\)/);
  });

  for (const name of names) {
    it(`${name} builds with only its declared needs loaded, once per composition`, async () => {
      const services = createServices(input(), lazyRegistry(LAZY_SERVICES));
      await services.load(name);
      const first = services[name];
      expect(first).toBeTruthy();
      expect(services[name]).toBe(first);
      const other = createServices(input(), lazyRegistry(LAZY_SERVICES));
      await other.load(name);
      expect(other[name]).not.toBe(first);
    });
  }

  it('app info loads the stores it reports on by itself', async () => {
    const services = createServices(input(), lazyRegistry(LAZY_SERVICES));
    const info = await services.appInfo.info();
    expect(info.keychain.state).toBe('unavailable');
    expect(info.keptAside).toEqual([]);
    expect(services.landscapes.list()).toEqual([]);
  });
});
