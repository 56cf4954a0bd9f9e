/**
 * Shared set-up for the material tests: the app's real services over a fresh data directory and the
 * session keychain, a work folder OUTSIDE the data directory (exports go there, as a user would
 * choose), the material CLI commands run in-process, and the real tools (openssl, keytool, ssh-keygen).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Services } from '../../../main/composition';
import { runCli } from '../../../main/cli/run-cli';
import { keysCommand } from '../../../main/cli/commands/keys';
import { csrCommand } from '../../../main/cli/commands/csr';
import { certCommand } from '../../../main/cli/commands/cert';
import { p12Command } from '../../../main/cli/commands/p12';
import { sshKeyCommand } from '../../../main/cli/commands/ssh-key';
import { knownHostsCommand } from '../../../main/cli/commands/known-hosts';
import { createTestServices, makeHome } from '../../support/test-services';

export const MATERIAL_COMMANDS = [keysCommand, csrCommand, certCommand, p12Command, sshKeyCommand, knownHostsCommand];

export interface MaterialEnv {
  home: string;
  work: string;
  services: Services;
  cli(argv: string[], env?: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }>;
  cleanup(): void;
}

export function makeMaterialEnv(): MaterialEnv {
  const home = makeHome('landscape-material-');
  const work = mkdtempSync(join(tmpdir(), 'landscape-material-work-'));
  const services = createTestServices(home);
  return {
    home,
    work,
    services,
    async cli(argv, env = {}) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(
        argv,
        { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: { ...env }, readStdin: async () => '' },
        () => services,
        MATERIAL_COMMANDS,
      );
      return { code, stdout, stderr };
    },
    cleanup() {
      rmSync(home, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Runs a real tool; throws with its stderr when it fails. */
export function tool(cmd: string, args: string[], input?: string): string {
  return execFileSync(cmd, args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

/** Runs a real tool and returns status + output, for expected failures. */
export function toolStatus(cmd: string, args: string[]): { status: number; out: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return { status: r.status ?? -1, out: `${r.stdout}${r.stderr}` };
}
