/**
 * `services.hostKeys`: scan a server's host key (remembering what it presented), and pin it into a
 * landscape's `hostKeyTrust` only through an explicit confirmation (who, how; when is recorded).
 * The rules live in host-key-trust.ts; this binds them to the landscape model.
 */
import type { Duplex } from 'node:stream';
import type { Landscape } from '../../../../shared/landscape';
import { createHostKeyTrust, type PinRequest } from './host-key-trust';
import type { HostKeyPin } from './sftp-types';
import { scanHostKey, type SshScanResult } from './ssh-scan';

export interface HostKeyServiceDeps {
  landscapes: { get(ref: string): Landscape; update(ref: string, patch: unknown): Landscape };
  now: () => Date;
}

export function createHostKeyService(deps: HostKeyServiceDeps) {
  // What servers presented in this session, shared by every landscape: a pin must refer to one.
  const observed = new Map<string, string>();
  const keyOf = (host: string, port: number, keyType: string) => `${host.toLowerCase()}|${port}|${keyType}`;

  function trustFor(landscape: string) {
    const trust = createHostKeyTrust({
      store: {
        list: () => deps.landscapes.get(landscape).hostKeyTrust,
        save: (pins) => void deps.landscapes.update(landscape, { hostKeyTrust: pins }),
      },
      now: deps.now,
    });
    for (const [k, fingerprint] of observed) {
      const [host, port, keyType] = k.split('|');
      trust.observe({ host: host!, port: Number(port), keyType: keyType!, fingerprint });
    }
    return trust;
  }

  return {
    observe(seen: { host: string; port: number; keyType: string; fingerprint: string }): void {
      observed.set(keyOf(seen.host, seen.port, seen.keyType), seen.fingerprint);
    },
    /** The confirmed pin of a landscape for host + port + key type. */
    findPin(landscape: Landscape, host: string, port: number, keyType: string): HostKeyPin | undefined {
      return landscape.hostKeyTrust.find((p) => keyOf(p.host, p.port, p.keyType) === keyOf(host, port, keyType));
    },
    /** `openSocket`: through a proxy, the tunnel to host:port (the CLI's --proxy / --pac). */
    async scan(input: { host: string; port: number; landscape?: string; deadlineMs?: number; openSocket?: (signal: AbortSignal) => Promise<Duplex> }): Promise<SshScanResult> {
      const l = input.landscape ? deps.landscapes.get(input.landscape) : undefined;
      const result = await scanHostKey({ host: input.host, port: input.port, deadlineMs: input.deadlineMs, knownHosts: l?.knownHosts ?? [], ...(input.openSocket ? { openSocket: input.openSocket } : {}) });
      observed.set(keyOf(input.host, input.port, result.hostKey.keyType), result.hostKey.fingerprint);
      return result;
    },
    pin(landscape: string, req: PinRequest): HostKeyPin {
      return trustFor(landscape).pin(req);
    },
    list(landscape: string): HostKeyPin[] {
      return deps.landscapes.get(landscape).hostKeyTrust;
    },
  };
}

export type HostKeyService = ReturnType<typeof createHostKeyService>;
