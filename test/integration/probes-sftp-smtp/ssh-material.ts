/** Client key pairs made at run time with ssh-keygen (never committed). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHostKeyTrust, type HostKeyTrust } from '../../../main/services/probes/sftp/host-key-trust';
import type { HostKeyPin } from '../../../main/services/probes/sftp/sftp-types';

export interface ClientKey {
  privateKey: string;
  publicLine: string;
}

export function makeClientKey(type: 'ed25519' | 'rsa'): ClientKey {
  const dir = mkdtempSync(join(tmpdir(), 'client-key-'));
  const file = join(dir, 'id');
  execFileSync('ssh-keygen', ['-q', '-t', type, '-N', '', '-C', 'probe-test', '-f', file, ...(type === 'rsa' ? ['-b', '2048'] : [])]);
  return { privateKey: readFileSync(file, 'utf8'), publicLine: readFileSync(`${file}.pub`, 'utf8').trim() };
}

export function fingerprintWithSshKeygen(pubLine: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fp-'));
  const file = join(dir, 'k.pub');
  writeFileSync(file, pubLine + '\n');
  return execFileSync('ssh-keygen', ['-lf', file], { encoding: 'utf8' }).split(' ')[1]!;
}

/** A trust service over an in-memory pin list (the persisted one is tested on its own). */
export function memoryTrust(): HostKeyTrust {
  let pins: HostKeyPin[] = [];
  return createHostKeyTrust({ store: { list: () => pins, save: (p) => (pins = p) }, now: () => new Date() });
}
