/**
 * Child of keychain-churn.test.ts: one process using the real keychain through the app's
 * SecretStore (with the keychain lock, as composition.ts builds it) — either listing every entry
 * of the service again and again, or creating and deleting entries as fast as it can.
 */
import { createKeychainLock } from '../../../main/services/vault/keychain-lock';
import { loadKeytar } from '../../../main/services/vault/secret-backend';
import { createSecretStore } from '../../../main/services/vault/secret-store';

const [service, role, rounds] = process.argv.slice(2) as [string, 'list' | 'churn', string];
const store = createSecretStore({ load: loadKeytar, platform: process.platform, service, lock: createKeychainLock(service) });
let seen = 0;
for (let i = 0; i < Number(rounds); i++) {
  if (role === 'list') {
    seen = Math.max(seen, (await store.accounts()).length);
  } else {
    const account = `${process.pid}-${i}`;
    await store.set(account, `churn-${i}-`.repeat(8));
    if (!(await store.delete(account))) throw new Error(`entry ${account} was not there to delete`);
  }
}
process.stdout.write(`${role} done ${seen}\n`);
