/**
 * Child process of the SIGKILL test: opens the real landscapes service in the given data directory,
 * creates the landscape `round-<n>` and appends known_hosts lines to it as fast as it can,
 * printing each line's number only AFTER the write returned (a completed write).
 */
import { silentLogger } from '../../../main/services/logger';
import { createLandscapesService } from '../../../main/services/landscapes/landscapes-service';
import { createFileBackend } from '../../../main/services/store/file-backend';

const [home, round] = process.argv.slice(2) as [string, string];
const svc = createLandscapesService({ dataDir: home, backend: createFileBackend, log: silentLogger, now: () => new Date() });
const name = `round-${round}`;
svc.create({ templateId: 's4-sscv2', name });
process.stdout.write('0\n');
for (let i = 1; i <= 400; i++) {
  const l = svc.get(name);
  svc.update(name, { knownHosts: [...l.knownHosts, `host-${i} ssh-ed25519 AAAA${i}`] });
  process.stdout.write(`${i}\n`);
}
