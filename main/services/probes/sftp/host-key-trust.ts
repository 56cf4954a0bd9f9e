/**
 * Trust on first use, recorded. A host key is pinned only by an explicit confirmation that names
 * who compared the fingerprint and how (phone, ticket, console), and only for a fingerprint a probe
 * or scan actually observed; a pin is replaced only by a new confirmation. The pins are kept in
 * in the landscape (landscape.hostKeyTrust).
 */
import { AppError } from '../../../../shared/result';
import type { HostKeyPin } from './sftp-types';

export interface PinStore {
  list(): HostKeyPin[];
  save(pins: HostKeyPin[]): void;
}

/** A pin as the user asks for it; the time is stamped when it is recorded. */
export type PinRequest = Omit<HostKeyPin, 'confirmedAt'>;

function keyOf(host: string, port: number, keyType: string): string {
  return `${host.toLowerCase()}|${port}|${keyType}`;
}

export function createHostKeyTrust(deps: { store: PinStore; now: () => Date }) {
  const observed = new Map<string, string>();
  return {
    observe(seen: { host: string; port: number; keyType: string; fingerprint: string }): void {
      observed.set(keyOf(seen.host, seen.port, seen.keyType), seen.fingerprint);
    },
    observed(host: string, port: number, keyType: string): string | undefined {
      return observed.get(keyOf(host, port, keyType));
    },
    findPin(host: string, port: number, keyType: string): HostKeyPin | undefined {
      return deps.store.list().find((p) => keyOf(p.host, p.port, p.keyType) === keyOf(host, port, keyType));
    },
    list(): HostKeyPin[] {
      return deps.store.list();
    },
    pin(req: PinRequest): HostKeyPin {
      if (!req.confirmedBy.trim()) throw new AppError('HOSTKEY_UNCONFIRMED', 'Say who confirmed the fingerprint', 'confirmedBy');
      if (!req.confirmedHow.trim()) throw new AppError('HOSTKEY_UNCONFIRMED', 'Say how the fingerprint was confirmed', 'confirmedHow');
      const seen = observed.get(keyOf(req.host, req.port, req.keyType));
      if (!seen) throw new AppError('HOSTKEY_NOT_OBSERVED', 'Scan or probe the server first, then confirm what it presented', 'fingerprint');
      if (seen !== req.fingerprint) {
        throw new AppError('HOSTKEY_MISMATCH', `The server presented ${seen}, not the fingerprint confirmed`, 'fingerprint');
      }
      const pin: HostKeyPin = {
        host: req.host.toLowerCase(),
        port: req.port,
        keyType: req.keyType,
        fingerprint: req.fingerprint,
        confirmedBy: req.confirmedBy.trim(),
        confirmedHow: req.confirmedHow.trim(),
        confirmedAt: deps.now().toISOString(),
      };
      const others = deps.store.list().filter((p) => keyOf(p.host, p.port, p.keyType) !== keyOf(pin.host, pin.port, pin.keyType));
      deps.store.save([...others, pin]);
      return pin;
    },
  };
}

export type HostKeyTrust = ReturnType<typeof createHostKeyTrust>;
