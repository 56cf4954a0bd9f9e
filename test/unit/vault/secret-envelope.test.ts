import { describe, expect, it } from 'vitest';
import { decodeSecret, encodeSecret, INLINE_LIMIT_BYTES } from '../../../main/services/vault/secret-envelope';
import { checkSecretPayload, leaksSecret } from '../../../shared/vault/secret-payload';

const WINDOWS_ENTRY_CAP = 2560;

describe('secret envelope: inline below the Windows cap, sealed (AES-256-GCM) above it', () => {
  it('stores a small payload inline', () => {
    const e = encodeSecret({ password: 'small-one' }, 'acct', 'b1.sealed');
    expect(e.blob).toBeUndefined();
    expect(decodeSecret(e.entry, 'acct', () => undefined)).toEqual({ password: 'small-one' });
  });

  it('seals a 64 KiB payload: the keychain entry stays under 2,560 bytes and the blob holds no plaintext', () => {
    const big = 'Q'.repeat(64 * 1024 - 40);
    const e = encodeSecret({ privateKeyPem: big }, 'acct', 'b2.sealed');
    expect(Buffer.byteLength(e.entry)).toBeLessThan(WINDOWS_ENTRY_CAP);
    expect(e.blob?.bytes.includes(Buffer.from('QQQQQQQQ'))).toBe(false);
    expect(decodeSecret(e.entry, 'acct', () => e.blob?.bytes)).toEqual({ privateKeyPem: big });
  });

  it('switches to sealing exactly when the inline entry would pass the limit', () => {
    const overhead = JSON.stringify({ v: 1, p: { password: '' } }).length;
    expect(encodeSecret({ password: 'a'.repeat(INLINE_LIMIT_BYTES - overhead) }, 'a', 'b.sealed').blob).toBeUndefined();
    expect(encodeSecret({ password: 'a'.repeat(INLINE_LIMIT_BYTES - overhead + 1) }, 'a', 'b.sealed').blob).toBeDefined();
  });

  it('refuses a tampered blob, a blob of another account, and a missing blob', () => {
    const e = encodeSecret({ password: 'p'.repeat(5000) }, 'acct', 'b3.sealed');
    const bytes = Buffer.from(e.blob!.bytes);
    bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 1;
    expect(() => decodeSecret(e.entry, 'acct', () => bytes)).toThrow(/integrity/);
    expect(() => decodeSecret(e.entry, 'other-acct', () => e.blob!.bytes)).toThrow(/integrity/);
    expect(() => decodeSecret(e.entry, 'acct', () => undefined)).toThrow(/missing/);
    expect(() => decodeSecret('not json', 'acct', () => undefined)).toThrow(/format/);
  });
});

describe('secret payload checks', () => {
  it('needs the kind’s main field and at most 64 KiB', () => {
    expect(checkSecretPayload('basic', { password: 'x' })).toBeUndefined();
    expect(checkSecretPayload('basic', { passphrase: 'x' })?.field).toBe('secret.password');
    expect(checkSecretPayload('ssh-key', { privateKey: 'k', passphrase: 'p' })).toBeUndefined();
    expect(checkSecretPayload('pkcs12-passphrase', {})?.field).toBe('secret');
    expect(checkSecretPayload('key-pair', { privateKeyPem: 'x'.repeat(70_000) })?.message).toMatch(/64 KiB/);
  });

  it('spots a secret copied into public text', () => {
    expect(leaksSecret('label with hunter2hunter2 inside', { password: 'hunter2hunter2' })).toBe(true);
    expect(leaksSecret('label', { password: 'hunter2hunter2' })).toBe(false);
  });
});
