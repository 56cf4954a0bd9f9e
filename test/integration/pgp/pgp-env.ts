/** The app's services, the pgp CLI in-process, a work folder outside the data directory, and a private gpg home. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../../../main/composition';
import { runCli } from '../../../main/cli/run-cli';
import { pgpCommand } from '../../../main/cli/commands/pgp';
import { landscapesCommand } from '../../../main/cli/commands/landscapes';
import { handoverCommand } from '../../../main/cli/commands/handover';
import { createTestServices, makeHome } from '../../support/test-services';
import { makeGnuPg, type GnuPg } from '../../support/gnupg';

export interface PgpEnv {
  home: string;
  work: string;
  services: Services;
  gpg: GnuPg;
  cli(argv: string[], env?: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }>;
  cleanup(): void;
}

export function makePgpEnv(): PgpEnv {
  const home = makeHome('landscape-pgp-');
  const work = mkdtempSync(join(tmpdir(), 'landscape-pgp-work-'));
  const services = createTestServices(home);
  const gpg = makeGnuPg();
  return {
    home,
    work,
    services,
    gpg,
    async cli(argv, env = {}) {
      let stdout = '';
      let stderr = '';
      const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), env: { ...env }, readStdin: async () => '' };
      const code = await runCli(argv, io, () => services, [pgpCommand, landscapesCommand, handoverCommand]);
      return { code, stdout, stderr };
    },
    cleanup() {
      gpg.close();
      rmSync(home, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    },
  };
}
