/**
 * Builds the app's real services for a test: a fresh data directory, `conf` persistence, the real
 * keychain (keytar on the session's Secret Service) and a log file inside the data directory, so
 * canary tests can scan everything the app wrote.
 */
import { appendFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, type CompositionInput, type Services } from '../../main/composition';
import { createLogger, createRedactor } from '../../main/services/logger';
import { createConfBackend } from '../../main/services/store/conf-backend';
import { loadKeytar } from '../../main/services/vault/secret-backend';

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
    storeBackend: createConfBackend,
    env: process.env,
    ...overrides,
  });
}
