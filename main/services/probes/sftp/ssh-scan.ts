/**
 * `ssh-keyscan` with the fingerprint and CI's verdict: reads the host key during the key exchange
 * and refuses it, so nothing else is sent. Used by `landscape ssh-scan` and the pin confirmation.
 */
import type { Duplex } from 'node:stream';
import type { Algorithms } from 'ssh2';
import { openSshSession, SshFailure } from './ssh-session';
import { describeHostKey, type HostKeyInfo } from './host-key';
import { predictCiVerdict, type CiHostKeyVerdict } from './known-hosts-match';
import { ciVerdictText } from './host-key-check';

export interface SshScanResult {
  host: string;
  port: number;
  hostKey: HostKeyInfo;
  ci: CiHostKeyVerdict;
  ciVerdict: string;
}

export async function scanHostKey(input: {
  host: string;
  port: number;
  deadlineMs?: number;
  knownHosts?: string[];
  knownHostsHost?: { host: string; port: number };
  algorithms?: Algorithms;
  /** Through a proxy: opens the tunnel to host:port (given the scan's signal). */
  openSocket?: (signal: AbortSignal) => Promise<Duplex>;
}): Promise<SshScanResult> {
  let raw: Buffer | undefined;
  const controller = new AbortController();
  const deadlineMs = input.deadlineMs ?? 10_000;
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  try {
    const sock = input.openSocket ? await input.openSocket(controller.signal) : undefined;
    await openSshSession({
      host: input.host,
      port: input.port,
      ...(sock ? { sock } : {}),
      deadlineAt: Date.now() + deadlineMs,
      signal: controller.signal,
      auth: [],
      algorithms: input.algorithms,
      log: () => {},
      acceptHostKey: (key) => {
        raw = key;
        return false;
      },
    });
  } catch (e) {
    if (!raw) throw e instanceof SshFailure ? new Error(`${input.host}:${input.port}: ${e.message}`) : e;
  } finally {
    clearTimeout(timer);
  }
  if (!raw) throw new Error(`${input.host}:${input.port}: the server sent no host key`);
  const ciTarget = input.knownHostsHost ?? { host: input.host, port: input.port };
  const hostKey = describeHostKey(raw, ciTarget);
  const ci = predictCiVerdict(input.knownHosts ?? [], hostKey, ciTarget);
  return { host: input.host, port: input.port, hostKey, ci, ciVerdict: ciVerdictText(ci) };
}
