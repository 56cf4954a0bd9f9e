/**
 * Child of the kill test: the real services (the composition the CLI uses) on the given data
 * directory, writing as fast as it can — create a landscape, add a credential, now and then rename
 * a landscape or remove a credential — and printing each change only AFTER it returned (committed);
 * a removal is also announced before it starts ("- LABEL").
 * The parent kills it with SIGKILL at a random moment.
 */
import { createServices } from '../../../main/composition';
import { createRedactor, silentLogger } from '../../../main/services/logger';
import { createFileBackend } from '../../../main/services/store/file-backend';
import { loadKeytar } from '../../../main/services/vault/secret-backend';

const [home, writer] = process.argv.slice(2) as [string, string];
const services = createServices({ dataDir: home, platform: process.platform, loadSecretBackend: loadKeytar, log: silentLogger, redactor: createRedactor(), storeBackend: createFileBackend, env: {} });
await services.load('landscapes', 'vault');
const say = (line: string) => process.stdout.write(`${line}\n`);
say('ready');
for (let i = 0; ; i++) {
  const name = `${writer}-${i}`;
  services.landscapes.create({ templateId: 's4-sscv2', name });
  say(`L ${name}`);
  const cred = await services.vault.create({ kind: 'basic', label: `${name}-cred`, meta: { user: 'u' }, secret: { password: `pw-${name}` } });
  say(`C ${cred.label}`);
  if (i % 3 === 2) {
    services.landscapes.rename(`${writer}-${i - 1}`, `${writer}-${i - 1}-renamed`);
    say(`R ${writer}-${i - 1} ${writer}-${i - 1}-renamed`);
  }
  if (i % 4 === 3) {
    const victim = await services.vault.findByLabel(`${writer}-${i - 2}-cred`);
    if (victim) {
      // Announced first: a kill during the remove may leave it done or not (both are correct), and
      // the parent must know it was in flight.
      say(`- ${victim.label}`);
      await services.vault.remove(victim.id);
      say(`D ${victim.label}`);
    }
  }
}
