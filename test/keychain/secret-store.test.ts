/**
 * The SecretStore against the real Secret Service of the test session (gnome-keyring on a private
 * D-Bus, started by scripts/run-tests.mjs). Without a keyring these FAIL: they are never skipped.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretStore, KEYCHAIN_SERVICE } from '../../main/services/vault/secret-store';
import { loadKeytar } from '../../main/services/vault/secret-backend';

const store = createSecretStore({ load: loadKeytar, platform: process.platform });

describe('SecretStore on the real keychain', () => {
  it('reports the keychain as available', async () => {
    expect(await store.status()).toMatchObject({ state: 'available' });
  });

  it('stores, reads, lists and deletes a UTF-8 secret that secret-tool can see', async () => {
    const account = `test-${randomUUID()}`;
    const secret = `pässwörd-${randomUUID()}`;
    await store.set(account, secret);
    expect(await store.get(account)).toBe(secret);
    expect(await store.accounts()).toContain(account);
    const found = execFileSync('secret-tool', ['search', '--all', 'service', KEYCHAIN_SERVICE, 'account', account], {
      encoding: 'utf8',
    });
    expect(found).toContain(account);
    expect(await store.delete(account)).toBe(true);
    expect(await store.get(account)).toBeNull();
  });

  it('turns a missing Secret Service into KEYCHAIN_UNAVAILABLE, with no fallback', async () => {
    const broken = createSecretStore({
      platform: 'linux',
      load: async () => {
        throw new Error('Cannot autolaunch D-Bus without X11 $DISPLAY');
      },
    });
    expect(await broken.status()).toMatchObject({ state: 'unavailable', reason: 'no-secret-service' });
    await expect(broken.set('a', 'b')).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
  });
});
