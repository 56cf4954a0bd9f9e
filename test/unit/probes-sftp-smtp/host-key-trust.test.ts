/** Trust on first use, recorded: a pin needs an observed fingerprint, who and how; never silent. */
import { describe, expect, it } from 'vitest';
import { createHostKeyTrust } from '../../../main/services/probes/sftp/host-key-trust';
import type { HostKeyPin } from '../../../main/services/probes/sftp/sftp-types';
import { AppError } from '../../../shared/result';

function trust() {
  let pins: HostKeyPin[] = [];
  return createHostKeyTrust({ store: { list: () => pins, save: (p) => (pins = p) }, now: () => new Date('2026-01-02T03:04:05Z') });
}

const seen = { host: 'sftp.example.com', port: 22, keyType: 'ssh-ed25519', fingerprint: 'SHA256:aaaa' };
const req = { ...seen, confirmedBy: 'Ada (customer admin)', confirmedHow: 'phone call, read back' };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof AppError ? `${e.code}:${e.field}` : 'other';
  }
  return undefined;
}

describe('host key trust', () => {
  it('refuses to pin a key no probe or scan has seen', () => {
    expect(codeOf(() => trust().pin(req))).toBe('HOSTKEY_NOT_OBSERVED:fingerprint');
  });

  it('refuses a fingerprint that differs from the one the server presented', () => {
    const t = trust();
    t.observe(seen);
    expect(codeOf(() => t.pin({ ...req, fingerprint: 'SHA256:bbbb' }))).toBe('HOSTKEY_MISMATCH:fingerprint');
    expect(t.findPin('sftp.example.com', 22, 'ssh-ed25519')).toBeUndefined();
  });

  it('needs who and how', () => {
    const t = trust();
    t.observe(seen);
    expect(codeOf(() => t.pin({ ...req, confirmedBy: ' ' }))).toBe('HOSTKEY_UNCONFIRMED:confirmedBy');
    expect(codeOf(() => t.pin({ ...req, confirmedHow: '' }))).toBe('HOSTKEY_UNCONFIRMED:confirmedHow');
  });

  it('records who, how and when; a re-confirmation replaces the pin', () => {
    const t = trust();
    t.observe(seen);
    const pin = t.pin(req);
    expect(pin).toEqual({ ...seen, confirmedBy: 'Ada (customer admin)', confirmedHow: 'phone call, read back', confirmedAt: '2026-01-02T03:04:05.000Z' });
    t.observe({ ...seen, fingerprint: 'SHA256:cccc' });
    t.pin({ ...req, fingerprint: 'SHA256:cccc' });
    expect(t.list()).toHaveLength(1);
    expect(t.findPin('SFTP.example.com', 22, 'ssh-ed25519')?.fingerprint).toBe('SHA256:cccc');
  });
});
