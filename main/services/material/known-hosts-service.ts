/**
 * The landscape's modelled Cloud Integration known_hosts: add lines, check a host key the way JSch
 * would, export the file. Hashed `|1|` entries are matched with HMAC-SHA1 here (main), and the pure
 * parser/matcher lives in shared/ssh.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { checkHostKey, lookupHost, type HostKeyCheck } from '../../../shared/ssh/known-hosts-check';
import { formatKnownHostsLine, hostToken, parseKnownHosts, parseKnownHostsLine, type KnownHostsEntry } from '../../../shared/ssh/known-hosts';
import { AppError } from '../../../shared/result';
import { writeExport } from './export-file';
import { sshFingerprint } from './ssh-keys';
import type { LandscapesPort } from './vault-port';

export function hashHost(saltBase64: string, token: string): string {
  return createHmac('sha1', Buffer.from(saltBase64, 'base64')).update(token).digest('base64');
}

export interface AddKnownHostInput {
  landscape: string;
  /** A whole known_hosts line, or host + port + keyType + keyBase64. */
  line?: string;
  host?: string;
  port?: number;
  keyType?: string;
  keyBase64?: string;
  hashed?: boolean;
}

export function createKnownHostsService(deps: { landscapes: LandscapesPort; dataDir: string }) {
  const lines = (landscape: string) => deps.landscapes.get(landscape).knownHosts;
  const entries = (landscape: string): KnownHostsEntry[] => parseKnownHosts(lines(landscape).join('\n')).entries;

  function buildLine(input: AddKnownHostInput): string {
    if (input.line) {
      const parsed = parseKnownHostsLine(input.line);
      if ('reason' in parsed) throw new AppError('INVALID_INPUT', `Not a known_hosts line: ${parsed.reason}.`, 'line');
      return formatKnownHostsLine(parsed);
    }
    if (!input.host || !input.keyType || !input.keyBase64) throw new AppError('INVALID_INPUT', 'Give a known_hosts line, or host, key type and key.', 'host');
    const token = hostToken(input.host, input.port ?? 22);
    if (!input.hashed) return formatKnownHostsLine({ hosts: [token], keyType: input.keyType, keyBase64: input.keyBase64 });
    const salt = randomBytes(20).toString('base64');
    return formatKnownHostsLine({ hosts: [], hashed: { salt, hash: hashHost(salt, token) }, keyType: input.keyType, keyBase64: input.keyBase64, line: 0 });
  }

  return {
    listKnownHosts(landscape: string): { lines: string[]; entries: (KnownHostsEntry & { fingerprint: string })[]; errors: { line: number; reason: string }[] } {
      const parsed = parseKnownHosts(lines(landscape).join('\n'));
      return { lines: lines(landscape), entries: parsed.entries.map((e) => ({ ...e, fingerprint: sshFingerprint(e.keyBase64) })), errors: parsed.errors };
    },

    addKnownHost(input: AddKnownHostInput): { line: string; added: boolean } {
      const line = buildLine(input);
      const current = lines(input.landscape);
      if (current.includes(line)) return { line, added: false };
      deps.landscapes.update(input.landscape, { knownHosts: [...current, line] });
      return { line, added: true };
    },

    checkKnownHost(input: { landscape: string; host: string; port?: number; keyType: string; keyBase64: string }): HostKeyCheck & { fingerprint: string } {
      const q = { host: input.host, port: input.port ?? 22, keyType: input.keyType, keyBase64: input.keyBase64 };
      return { ...checkHostKey(entries(input.landscape), q, hashHost), fingerprint: sshFingerprint(input.keyBase64) };
    },

    lookupKnownHost(input: { landscape: string; host: string; port?: number; keyType: string }): KnownHostsEntry[] {
      return lookupHost(entries(input.landscape), input.host, input.port ?? 22, input.keyType, hashHost);
    },

    exportKnownHosts(input: { landscape: string; outPath: string }): { path: string; lines: number } {
      const all = lines(input.landscape);
      writeExport(deps.dataDir, input.outPath, all.join('\n') + (all.length ? '\n' : ''), false);
      return { path: input.outPath, lines: all.length };
    },
  };
}
