// npm test's provisioning: the Debian packages the suite needs are listed once, in
// scripts/system-packages.txt ("package what-proves-it-is-there": a path, or a command on PATH),
// read here and by .ci/run. Missing ones are installed when we may (root, or password-less sudo);
// otherwise npm test stops before running anything and prints the one command to run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Entries of the list: { pkg, probe }. */
export function parsePackageList(text) {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [pkg, probe] = l.split(/\s+/);
      return { pkg, probe: probe ?? pkg };
    });
}

function onPath(command, path) {
  return path.split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The packages whose probe is not there. */
export function missingPackages(entries, { exists = existsSync, path = process.env.PATH ?? '' } = {}) {
  return entries.filter(({ probe }) => (probe.startsWith('/') ? !exists(probe) : !onPath(probe, path))).map((e) => e.pkg);
}

export function installCommand(missing, { root }) {
  return `${root ? '' : 'sudo '}apt-get install -y --no-install-recommends ${missing.join(' ')}`;
}

/**
 * What to do: nothing, install (how), or stop (with the command for the user).
 * `canSudo` is password-less sudo; `apt` is whether this is a Debian/Ubuntu system.
 */
export function provisionPlan(missing, { root, canSudo, apt }) {
  if (missing.length === 0) return { action: 'none' };
  if (apt && (root || canSudo)) return { action: 'install', sudo: !root, packages: missing };
  return { action: 'stop', command: apt ? installCommand(missing, { root }) : undefined, packages: missing };
}

function run(cmd, args, env = process.env) {
  return spawnSync(cmd, args, { stdio: 'inherit', env }).status === 0;
}

/** Checks the list and installs or stops; returns true when the suite may run. */
export function provision(listFile = new URL('./system-packages.txt', import.meta.url)) {
  const entries = parsePackageList(readFileSync(listFile, 'utf8'));
  const missing = missingPackages(entries);
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const apt = process.platform === 'linux' && existsSync('/usr/bin/apt-get');
  const canSudo = !root && apt && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  const plan = provisionPlan(missing, { root, canSudo, apt });
  if (plan.action === 'none') return true;
  if (plan.action === 'stop') {
    console.log(`\nnpm test needs these system packages, which are missing: ${plan.packages.join(' ')}`);
    console.log(plan.command ? `Install them with:\n\n  ${plan.command}\n\nthen run npm test again.` : 'Install them with your package manager, then run npm test again (the suite is tested on Debian/Ubuntu).');
    return false;
  }
  const pre = plan.sudo ? ['sudo', '-n'] : [];
  console.log(`npm test: installing the missing Debian packages the suite needs: ${plan.packages.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const [cmd, ...args] = [...pre, 'apt-get'];
  const ok = run(cmd, [...args, 'update', '-qq'], env) && run(cmd, [...args, 'install', '-y', '-qq', '--no-install-recommends', ...plan.packages], env);
  const still = missingPackages(entries);
  if (!ok || still.length > 0) {
    console.log(`\nnpm test could not install: ${still.join(' ') || plan.packages.join(' ')}. Install them with:\n\n  ${installCommand(still.length ? still : plan.packages, { root })}\n`);
    return false;
  }
  console.log('npm test: installed.');
  return true;
}
