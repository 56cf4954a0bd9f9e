/**
 * age's passphrase recipient and identity (the `scrypt` stanza of age-encryption.org/v1) over
 * Node's own scrypt and ChaCha20-Poly1305. age-encryption 0.3.1 derives the key with
 * @noble/hashes' synchronous scrypt: at age's work factor (2^18) that blocks the event loop of the
 * main process for seconds (4 s measured here), freezing every IPC call meanwhile. Node's
 * `crypto.scrypt` runs on the libuv thread pool instead. Same stanza bytes: the library's own
 * passphrase identity and the age CLI open what this writes, and vice versa (tested).
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
// Types only: the library itself is loaded on first use (age-crypto.ts), not when main starts.
import type { Identity, Recipient, Stanza } from 'age-encryption';

const LABEL = 'age-encryption.org/v1/scrypt';
/** age's default work factor; files asking for more than 2^20 are refused (a cheap denial of service otherwise). */
export const SCRYPT_LOG_N = 18;
export const MAX_SCRYPT_LOG_N = 20;
const ZERO_NONCE = Buffer.alloc(12);

function deriveKey(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const labelAndSalt = Buffer.concat([Buffer.from(LABEL, 'utf8'), salt]);
  // 128 * N * r bytes of memory: 256 MiB at 2^18, 1 GiB at the 2^20 cap.
  const maxmem = 129 * 2 ** logN * 8 + 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(Buffer.from(passphrase, 'utf8'), labelAndSalt, 32, { N: 2 ** logN, r: 8, p: 1, maxmem }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

export class NativeScryptRecipient implements Recipient {
  constructor(
    private readonly passphrase: string,
    private readonly logN = SCRYPT_LOG_N,
  ) {}

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const salt = randomBytes(16);
    const key = await deriveKey(this.passphrase, salt, this.logN);
    const cipher = createCipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
    const body = Buffer.concat([cipher.update(fileKey), cipher.final(), cipher.getAuthTag()]);
    const stanza: Stanza = { args: ['scrypt', b64(salt), String(this.logN)], body: new Uint8Array(body) };
    return [stanza];
  }
}

export class NativeScryptIdentity implements Identity {
  constructor(private readonly passphrase: string) {}

  async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
    for (const s of stanzas) {
      if (s.args[0] !== 'scrypt') continue;
      // The spec: a passphrase-encrypted file has exactly one stanza (no recipient can be mixed in).
      if (stanzas.length !== 1) throw new Error('scrypt recipient is not the only one in the header');
      const [, saltText, logNText] = s.args;
      if (s.args.length !== 3 || !saltText || !logNText || !/^[1-9][0-9]*$/.test(logNText)) throw new Error('invalid scrypt stanza');
      const salt = Buffer.from(saltText, 'base64');
      if (salt.length !== 16 || b64(salt) !== saltText) throw new Error('invalid scrypt stanza');
      const logN = Number(logNText);
      if (logN > MAX_SCRYPT_LOG_N) throw new Error('scrypt work factor is too high');
      if (s.body.length !== 32) throw new Error('invalid stanza');
      const key = await deriveKey(this.passphrase, salt, logN);
      try {
        const decipher = createDecipheriv('chacha20-poly1305', key, ZERO_NONCE, { authTagLength: 16 });
        decipher.setAuthTag(s.body.subarray(16));
        return new Uint8Array(Buffer.concat([decipher.update(s.body.subarray(0, 16)), decipher.final()]));
      } catch {
        return null; // a wrong passphrase: the caller reports it as such
      }
    }
    return null;
  }
}
