/**
 * Builds the app's real services for a test: a fresh data directory, `conf` persistence, the real
 * keychain (keytar on the session's Secret Service) and a log file inside the data directory, so
 * canary tests can scan everything the app wrote.
 */
import { appendFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, loadAllServiceModules, type CompositionInput, type Services } from '../../main/composition';
import { createLogger, createRedactor } from '../../main/services/logger';
import { createFileBackend } from '../../main/services/store/file-backend';
import { loadKeytar } from '../../main/services/vault/secret-backend';

// Tests read services synchronously without naming them first: every service module is loaded once.
await loadAllServiceModules();

export function makeHome(prefix = 'landscape-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function createTestServices(home: string = makeHome(), overrides: Partial<CompositionInput> = {}): Services {
  mkdirSync(join(home, 'logs'), { recursive: true });
  const redactor = overrides.redactor ?? createRedactor();
  return createServices({
    dataDir: home,
    platform: process.platform,
    loadSecretBackend: loadKeytar,
    log: createLogger((line) => appendFileSync(join(home, 'logs', 'main.log'), line), redactor),
    redactor,
    storeBackend: createFileBackend,
    env: process.env,
    ...overrides,
  });
}
